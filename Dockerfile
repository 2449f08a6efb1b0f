# syntax=docker/dockerfile:1
#
# One recipe for the three services; docker-compose.yml builds it once per service:
#   docker build --build-arg MODULE=producer-service -t etl-suite/producer-service .
# MODULE is producer-service, transformer-service or dashboard-service.
#
# Left out on purpose: a CDS archive or an AOT cache from a training run. Either is only worth its
# build time and image size once the startup it saves has been measured with Docker.

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the Maven the wrapper downloads) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    if [ -z "$MODULE" ]; then echo "Build with --build-arg MODULE=<service module>" >&2; exit 1; fi \
    && ./mvnw -B -q package -DskipTests -pl "$MODULE" -am
# Split the jar along its layers.idx, keeping its own layout (--launcher), so that JarLauncher starts the
# exploded classes and each layer below becomes an image layer of its own.
RUN java -Djarmode=tools -jar "$MODULE"/target/"$MODULE"-*-exec.jar \
        extract --layers --launcher --destination /workspace/extracted

FROM eclipse-temurin:21-jre
# curl answers the Compose health checks (GET /actuator/health fails with -f unless the service is UP).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# The services run as a system user with a fixed uid. It owns only what they write: the KPI files in
# /data and the transformer's state stores. Both are volumes in docker-compose.yml, and a new named
# volume takes the owner of its mount point in the image, so the directories must exist here.
# The code stays root's, which the user can read but not change.
RUN groupadd --system --gid 10001 etl \
    && useradd --system --uid 10001 --gid etl --home-dir /app --no-create-home --shell /usr/sbin/nologin etl \
    && mkdir -p /data /var/lib/etl-transformer \
    && chown etl:etl /data /var/lib/etl-transformer
WORKDIR /app
# From the least to the most often changed, so that a code change rebuilds only the last layer.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# The docker profile of each service's application.yml: kafka:29092, schema-registry:8081, postgres:5432, /data.
ENV SPRING_PROFILES_ACTIVE=docker
USER 10001:10001
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
