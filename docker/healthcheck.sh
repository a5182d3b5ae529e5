#!/bin/bash
# The container's health: the service's readiness (/q/health/ready: Kafka and the migrator's MongoDB reachable, its
# consumers alive) on $SERVICE_PORT. Plain bash, as the JRE image has neither curl nor wget to rely on.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${SERVICE_PORT:-8080}"
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status_line <&3
[[ "$status_line" == *" 200 "* ]]
