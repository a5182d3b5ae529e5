# upgrade-elastic: the data-folder upgrade of Elasticsearch as one container (deploy/kubernetes/upgrade-elastic-job.yaml).
# It holds the whole built checkout, since the command runs the migrator and the Elasticsearch 5.6, 7.10 and 8.15 nodes
# from the project's own jars. Build context: the repository root.
#   docker build -f docker/upgrade-elastic.Dockerfile -t clearml-migrator-upgrade .
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
WORKDIR /opt/clearml-migrator
COPY --from=build /src /opt/clearml-migrator
# The log file goes to the working folder: /logs is meant to be a volume.
WORKDIR /logs
ENTRYPOINT ["/opt/clearml-migrator/bin/clearml-migrator"]
CMD ["upgrade-elastic", "--help"]
