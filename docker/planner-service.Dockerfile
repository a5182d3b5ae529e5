# planner-service. Build context: the repository root (docker compose -f docker/docker-compose.yml build).
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl planner-service -am

FROM eclipse-temurin:17-jre
WORKDIR /app
# The fast-jar layout: the whole quarkus-app folder, not just quarkus-run.jar.
COPY --from=build /src/planner-service/target/quarkus-app/ /app/
EXPOSE 8080
# C1 only (TieredStopAtLevel=1): the planner coordinates, and the optimizing compiler cost it more CPU than it saved,
# CPU that Elasticsearch needs when it shares the host (see ServerRecipes in local-servers/launcher).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=64m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
