# syntax=docker/dockerfile:1
#
# One recipe for the three services; docker-compose.yml builds it once per service:
#   docker build --build-arg MODULE=producer-service -t etl-suite/producer-service .
# MODULE is producer-service, transformer-service or dashboard-service.
#
# Start-up: the image starts the services from a CDS archive of their classes, written by a training run at
# build time. bench/startup.sh measured it outside Docker, on JDK 25 (this image runs 21, which no package
# source here offered; five starts per variant, medians, seconds to "Started"; docs/PERFORMANCE.md,
# "Start-up"): producer 2.74 -> 1.78, dashboard 2.54 -> 1.69, transformer's refresh 5.02 -> 2.94, i.e. 34-42%
# less than JarLauncher on the exploded jar, for 50-110 MB more per image. The JDK 25 AOT cache would halve
# start-up, but this image runs Java 21.

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the Maven the wrapper downloads) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    if [ -z "$MODULE" ]; then echo "Build with --build-arg MODULE=<service module>" >&2; exit 1; fi \
    && ./mvnw -B -q package -DskipTests -pl "$MODULE" -am
# Split the jar along its layers.idx into the layout that java -jar and CDS need (an archive only serves
# classes read from plain jars): app.jar, whose manifest lists lib/*.jar, in the application layer and the
# libraries in the others. Each layer below becomes an image layer of its own.
RUN java -Djarmode=tools -jar "$MODULE"/target/"$MODULE"-*-exec.jar \
        extract --layers --application-filename app.jar --destination /workspace/extracted

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
# The training run: the service starts until its context has refreshed (every bean created, nothing started),
# then exits, and the JVM writes the classes it loaded to app.jsa. It runs here, not in the build stage: an
# archive is only used by the JVM build, base archive and class path (/app) that wrote it. Its settings are
# arguments of this one command, none of them an ENV of the image: the default profile (localhost addresses,
# nothing listens there during a build), no topics created, no Flyway, and Hibernate told its dialect instead
# of asking PostgreSQL (the producer and the dashboard ignore what they do not know). Without an archive the
# build fails rather than ship an image that starts without one.
# The second run, from the archive with -Xshare:on, fails the build if this JVM refuses the archive (a class
# path that differs, for one), which at run time would only mean a slower start without a word.
RUN mkdir /tmp/training \
    && set -- -XX:-UsePerfData -Dspring.context.exit=onRefresh -Djava.io.tmpdir=/tmp/training -jar app.jar \
        --etl.data-dir=/tmp/training/data --etl.state-dir=/tmp/training/state \
        --spring.kafka.admin.auto-create=false --spring.flyway.enabled=false --spring.jpa.hibernate.ddl-auto=none \
        --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
        --spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
    && java -XX:ArchiveClassesAtExit=app.jsa "$@" \
    && test -s app.jsa \
    && java -Xshare:on -XX:SharedArchiveFile=app.jsa "$@" \
    && rm -rf /tmp/training
# The docker profile of each service's application.yml: kafka:29092, schema-registry:8081, postgres:5432, /data.
ENV SPRING_PROFILES_ACTIVE=docker
USER 10001:10001
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
