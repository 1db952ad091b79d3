# syntax=docker/dockerfile:1
# Build stage: Maven on Java 17 builds the runnable jar (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, a non-root user, the database and secret key on the /data volume.
FROM eclipse-temurin:17-jre
RUN groupadd --system bot && useradd --system --gid bot --home-dir /app --shell /usr/sbin/nologin bot \
    && mkdir -p /app /data && chown bot:bot /data
WORKDIR /app
COPY --from=build /src/target/yclients-telegram-bot.jar /app/yclients-telegram-bot.jar
ENV BOT_DB_URL=jdbc:h2:file:/data/yclients-bot \
    BOT_SECRET_FILE=/data/secret.key \
    BOT_HTTP_PORT=8080 \
    BOT_HTTP_HOST=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-Xmx128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k"
# The JVM options keep the whole process (heap, classes, code, threads) near 200 MB under a burst of
# 1,000 customers — measured by scripts/benchmark.sh, see docs/BENCHMARKS.md.
VOLUME ["/data"]
# GET /health, GET /metrics (Prometheus) and the widget-link API (needs BOT_HTTP_API_KEY).
EXPOSE 8080
USER bot
# The JRE image has no curl or wget: the jar asks its own /health and exits 0 (healthy) or 1.
# Its JVM is kept small so the probe does not compete with the bot for memory.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-Xss512k", "-XX:-UsePerfData", \
         "-jar", "/app/yclients-telegram-bot.jar", "--healthcheck"]
# Exec form: the JVM is PID 1's child-free process and receives SIGTERM from `docker stop`.
ENTRYPOINT ["java", "-jar", "/app/yclients-telegram-bot.jar"]
