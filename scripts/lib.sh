# Shared by the scripts: the built jar (SKYDDSNAT_JAR, else target/skyddsnat-*.jar) and a JDK 21+ (JAVA_HOME or java).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="${SKYDDSNAT_JAR:-$(ls "$root"/target/skyddsnat.jar 2>/dev/null | head -n 1)}"
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "No Skyddsnät jar: build it with ./mvnw -DskipTests package, or set SKYDDSNAT_JAR" >&2
  exit 1
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Runs one of the jar's command-line tools (a main class other than the application's).
run_tool() {
  local main="$1"; shift
  "$java" -Dloader.main="$main" -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
