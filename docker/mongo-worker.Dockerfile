# mongo-worker. Build context: the repository root (docker compose -f docker/docker-compose.yml build).
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl mongo-worker -am

FROM eclipse-temurin:17-jre
WORKDIR /app
# The fast-jar layout: the whole quarkus-app folder, not just quarkus-run.jar.
COPY --from=build /src/mongo-worker/target/quarkus-app/ /app/
EXPOSE 8091
# The memory flags bin/dev-stack uses (ServerRecipes.SERVICE_MEMORY_FLAGS): serial collector, a heap that starts small
# and gives back what a peak took; the heap's ceiling follows the container's memory limit.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=64m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
