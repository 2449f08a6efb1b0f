# syntax=docker/dockerfile:1
#
# One recipe for the three services; docker-compose.yml builds it once per service:
#   docker build --build-arg MODULE=producer-service -t etl-suite/producer-service .
# MODULE is producer-service, transformer-service or dashboard-service.

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the Maven the wrapper downloads) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    if [ -z "$MODULE" ]; then echo "Build with --build-arg MODULE=<service module>" >&2; exit 1; fi \
    && ./mvnw -B -q package -DskipTests -pl "$MODULE" -am

FROM eclipse-temurin:21-jre
ARG MODULE
# curl answers the Compose health checks (GET /actuator/health fails with -f unless the service is UP).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /workspace/${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar
# The docker profile of each service's application.yml: kafka:29092, schema-registry:8081, postgres:5432, /data.
ENV SPRING_PROFILES_ACTIVE=docker
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
