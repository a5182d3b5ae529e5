{{/* The release's name for its objects: <release>-clearml-migrator, or the release's name when it already says so. */}}
{{- define "migrator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "migrator.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The labels that select one component's pods: dict "root" $ "component" "planner-service". */}}
{{- define "migrator.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "migrator.secretName" -}}
{{- .Values.secret.existingSecret | default (printf "%s-secret" (include "migrator.fullname" .)) -}}
{{- end -}}

{{- define "migrator.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.prefix .component .root.Values.image.tag -}}
{{- end -}}

{{/* Every value the operator must give, all named at once whichever template Helm renders first. */}}
{{- define "migrator.validate" -}}
{{- $missing := list -}}
{{- if not .Values.kafka.bootstrapServers -}}
{{- $missing = append $missing "kafka.bootstrapServers is required: the bootstrap address of your Kafka, for example my-cluster-kafka-bootstrap.kafka:9092 for a Strimzi cluster named my-cluster in namespace kafka" -}}
{{- end -}}
{{- if not .Values.secret.existingSecret -}}
{{- if not .Values.stateStore.mongoUri -}}
{{- $missing = append $missing "stateStore.mongoUri is required: the migrator's own MongoDB, for example mongodb://clearml-mongodb:27017 (or name a Secret of your own with secret.existingSecret)" -}}
{{- end -}}
{{- if not .Values.secret.apiToken -}}
{{- $missing = append $missing "secret.apiToken is required (for example openssl rand -hex 24): every call of the migrator's API presents it (or name a Secret of your own with secret.existingSecret)" -}}
{{- end -}}
{{- end -}}
{{- if $missing -}}
{{- fail (printf "\n  - %s" (join "\n  - " $missing)) -}}
{{- end -}}
{{- end -}}

{{/* What every service is given: Kafka, the migrator's own MongoDB, the key that seals credentials on Kafka. */}}
{{- define "migrator.environment" -}}
{{- include "migrator.validate" . -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ .Values.kafka.bootstrapServers | quote }}
- name: QUARKUS_MONGODB_CONNECTION_STRING
  valueFrom:
    secretKeyRef:
      name: {{ include "migrator.secretName" . }}
      key: state-store-uri
- name: PLANNER_DATABASE
  value: {{ .Values.stateStore.database | quote }}
- name: WORKER_MIGRATOR_DATABASE
  value: {{ .Values.stateStore.database | quote }}
- name: MONGO_WORKER_JOURNAL_DATABASE
  value: {{ .Values.stateStore.database | quote }}
- name: MIGRATOR_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "migrator.secretName" . }}
      key: secret-key
      optional: true
{{- range $name, $value := .Values.kafka.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Quarkus' health endpoints: started (a slow first start is not killed), live (a dead consumer restarts the pod), ready. */}}
{{- define "migrator.probes" -}}
startupProbe:
  httpGet: {path: /q/health/started, port: http}
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 5
  timeoutSeconds: 5
  failureThreshold: 3
{{- end -}}

{{- define "migrator.podPlacement" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "migrator.containerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: {drop: [ALL]}
{{- end -}}
