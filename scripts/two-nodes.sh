#!/usr/bin/env bash
# Skyddsnät as a city runs it, on one machine: an external PostgreSQL (Debian's), two nodes of the built jar on
# different ports and Debian's nginx in front, spreading requests over both (README: "More than one node").
#   scripts/two-nodes.sh start <work-dir>     starts everything, waits until it answers, prints the address
#   scripts/two-nodes.sh kill-node <work-dir> <1|2>   kill -9 of one node (a node that dies)
#   scripts/two-nodes.sh stop <work-dir>      stops everything it started (by the pids in <work-dir>)
# Ports: TWO_NODES_PORT (nginx, default 18710), the nodes on the next two, PostgreSQL on the one after.
# Needs: a JDK 21+, target/skyddsnat.jar (./mvnw -DskipTests package), nginx and postgresql from Debian
# (.ci/run installs them), and when run as root the operating-system user postgres (Debian's package makes it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cmd="${1:-}"; work="${2:-}"
if [ -z "$cmd" ] || [ -z "$work" ]; then
  echo "Usage: $0 start|stop <work-dir> | kill-node <work-dir> <1|2>" >&2; exit 2
fi
mkdir -p "$work"; work="$(cd "$work" && pwd)"
base="${TWO_NODES_PORT:-18710}"
lb_port=$base; node1_port=$((base + 1)); node2_port=$((base + 2)); pg_port=$((base + 3))
admin_password='Skogsstig-Lykta-2026'
# PostgreSQL's cluster: in the work directory, or as root (the server runs as the user postgres, who may not be able
# to reach a root-owned work directory) in a directory of its own under /tmp named after the work directory
if [ "$(id -u)" = 0 ]; then
  pgdata="/tmp/skyddsnat-two-nodes-pg-$(printf '%s' "$work" | md5sum | cut -c1-12)"
else
  pgdata="$work/pg"
fi

pg_bin() {
  local ctl
  ctl="$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$ctl" ]; then echo "No PostgreSQL server: apt-get install postgresql" >&2; exit 1; fi
  dirname "$ctl"
}
# PostgreSQL refuses to run as root: as root its programs run as the user postgres.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_for() { # url, seconds, what
  local i
  for i in $(seq "$2"); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "$3 did not answer at $1 within $2 s" >&2; return 1
}

# The test signs in with a password only (SKYDDSNAT_SECOND_FACTOR=off unless set); in production every node has the
# second factor required and the same SKYDDSNAT_SECOND_FACTOR_KEY, as it has the same SKYDDSNAT_AUDIT_KEY.
start_node() { # n port
  local n=$1 port=$2
  mkdir -p "$work/node$n"
  ( cd "$work/node$n" && exec env SERVER_PORT="$port" SKYDDSNAT_DATA_DIR="$work/node$n/data" \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/skyddsnat" \
      SPRING_DATASOURCE_USERNAME=skyddsnat_app SPRING_DATASOURCE_PASSWORD="$(cat "$work/app.password")" \
      SPRING_FLYWAY_USER=skyddsnat_owner SPRING_FLYWAY_PASSWORD="$(cat "$work/owner.password")" \
      SKYDDSNAT_AUDIT_KEY="$(cat "$work/audit.key")" \
      SKYDDSNAT_SECOND_FACTOR="${SKYDDSNAT_SECOND_FACTOR:-off}" \
      SKYDDSNAT_ADMIN_USERNAME=admin SKYDDSNAT_ADMIN_PASSWORD="$admin_password" \
      SERVER_FORWARD_HEADERS_STRATEGY=native SKYDDSNAT_PUBLIC_URL="http://localhost:$lb_port" \
      "$java" -Xmx384m -XX:TieredStopAtLevel=1 -jar "$jar" --spring.main.banner-mode=off \
      >"$work/node$n/out.log" 2>&1 ) &
  echo $! >"$work/node$n.pid"
  wait_for "http://127.0.0.1:$port/actuator/health" 180 "Node $n" || { tail -n 40 "$work/node$n/out.log" >&2; exit 1; }
}

start() {
  local bin; bin="$(pg_bin)"
  umask 077
  # secrets of this run: the two roles' passwords and the audit chain's key, the same for both nodes
  # a new work directory (no passwords yet) gets a new cluster too
  [ -f "$work/app.password" ] || rm -rf "$pgdata"
  for f in app owner; do [ -f "$work/$f.password" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$work/$f.password"; done
  [ -f "$work/audit.key" ] || head -c 32 /dev/urandom | base64 >"$work/audit.key"

  mkdir -p "$pgdata"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdata"; fi
  chmod 700 "$pgdata"
  # the local socket is in the cluster's own directory (owner only) and trusted; TCP asks every role for its password
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$work/initdb.log"
  fi
  as_pg "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -o "-p $pg_port -k $pgdata -c listen_addresses=127.0.0.1" start >/dev/null
  as_pg "$bin/psql" -q -h "$pgdata" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v app="$(cat "$work/app.password")" -v owner="$(cat "$work/owner.password")" <<'SQL' || true
SELECT 'CREATE ROLE skyddsnat_owner LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'skyddsnat_owner') \gexec
SELECT 'CREATE ROLE skyddsnat_app LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'skyddsnat_app') \gexec
ALTER ROLE skyddsnat_owner PASSWORD :'owner';
ALTER ROLE skyddsnat_app PASSWORD :'app';
SELECT 'CREATE DATABASE skyddsnat OWNER skyddsnat_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'skyddsnat') \gexec
REVOKE ALL ON DATABASE skyddsnat FROM PUBLIC;
GRANT CONNECT ON DATABASE skyddsnat TO skyddsnat_app;
SQL

  # one node first (it migrates and creates the administrator), then the second
  start_node 1 "$node1_port"
  start_node 2 "$node2_port"

  mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  client_max_body_size 60m;
  upstream skyddsnat {
    # no stickiness: any node serves any request; a node that does not answer is skipped for 10 s
    server 127.0.0.1:$node1_port max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$node2_port max_fails=1 fail_timeout=10s;
  }
  # The history import keeps an upload between preview and confirmation, and a running import's progress, on the
  # node that received it (outreach.ImportJobs): its pages go to one node per session.
  upstream skyddsnat_import {
    hash \$cookie_JSESSIONID consistent;
    server 127.0.0.1:$node1_port max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$node2_port max_fails=1 fail_timeout=10s;
  }
  proxy_next_upstream error timeout http_502 http_503 non_idempotent;
  proxy_connect_timeout 2s;
  proxy_set_header Host \$http_host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  server {
    listen 127.0.0.1:$lb_port;
    # which node answered (for the two-node test; leave out in production)
    add_header X-Skyddsnat-Node \$upstream_addr always;
    location / {
      proxy_pass http://skyddsnat;
    }
    location /outreach/import {
      proxy_pass http://skyddsnat_import;
    }
  }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
  wait_for "http://127.0.0.1:$lb_port/actuator/health" 30 "nginx"
  echo "Skyddsnät on two nodes behind nginx: http://localhost:$lb_port (nodes on $node1_port and $node2_port, PostgreSQL on $pg_port)"
}

kill_node() {
  local pid; pid="$(cat "$work/node$1.pid")"
  kill -9 "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  echo "Node $1 (pid $pid) killed"
}

stop() {
  if [ -f "$work/nginx/nginx.pid" ]; then
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s quit 2>/dev/null || true
  fi
  for n in 1 2; do
    if [ -f "$work/node$n.pid" ]; then
      pid="$(cat "$work/node$n.pid")"
      kill "$pid" 2>/dev/null || true
      for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$work/node$n.pid"
    fi
  done
  if [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null || true
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  kill-node) kill_node "${3:?node 1 or 2}" ;;
  *) echo "Unknown command $cmd" >&2; exit 2 ;;
esac
