# One image per app: docker build --build-arg MODULE=web -t parley-web .
# Expects the jars built beforehand with ./mvnw -DskipTests package.
FROM eclipse-temurin:17-jre
ARG MODULE
COPY ${MODULE}/target/${MODULE}.jar /app/app.jar
USER 1000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
