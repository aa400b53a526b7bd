#!/usr/bin/env bash
# The steps of docs/deploy.md, run as a script against the local PostgreSQL: a role and a database owned by it,
# the environment file, `db migrate`, the first administrator, the server started the way the systemd unit starts
# it, /ready polled until it answers 200 (60 s at most), a login through the "proxy" headers, then a clean stop.
# Everything it creates is removed at the end, whatever happens. Exits non-zero on any failure.
#
#   bash scripts/deploy-smoke.sh
#   SMOKE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres bash scripts/deploy-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

admin_url="${SMOKE_ADMIN_URL:-${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}"
db=chung_tay_deploy_smoke
role=chung_tay_deploy_smoke
node="$root/node_modules/node/bin/node"
work=$(mktemp -d)
server_pid=""

step() { printf '\n== %s\n' "$*"; }

cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  psql "$admin_url" -v ON_ERROR_STOP=1 -q -c "drop database if exists $db with (force)" -c "drop role if exists $role" >/dev/null || status=1
  rm -rf "$work"
  if [ "$status" -eq 0 ]; then echo "deploy-smoke: OK"; else echo "deploy-smoke: FAILED (exit $status)" >&2; fi
  exit "$status"
}
trap cleanup EXIT

[ -x "$node" ] || { echo "Thiếu Node 24 trong node_modules (chạy npm ci)." >&2; exit 1; }
db_password=$("$node" -e 'process.stdout.write(require("node:crypto").randomBytes(18).toString("base64url"))')
admin_password=$("$node" -e 'process.stdout.write("Qt-" + require("node:crypto").randomBytes(12).toString("base64url"))')
port=$("$node" -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')

step "1. PostgreSQL: a role and a database owned by it (deploy.md §2)"
psql "$admin_url" -v ON_ERROR_STOP=1 -q \
  -c "set client_min_messages = warning" -c "drop database if exists $db with (force)" \
  -c "drop role if exists $role" \
  -c "create role $role login password '$db_password'" \
  -c "create database $db owner $role encoding 'UTF8' template template0"

step "2. Environment file (deploy.md §3: /etc/chung-tay/chung-tay.env)"
db_host_port=$("$node" -e 'const u=new URL(process.argv[1]);process.stdout.write(`${u.hostname}:${u.port||5432}`)' "$admin_url")
cat >"$work/chung-tay.env" <<EOF
DATABASE_URL=postgres://$role:$db_password@$db_host_port/$db
DATABASE_POOL_MAX=10
HOST=127.0.0.1
PORT=$port
TRUST_PROXY=true
COOKIE_SECURE=true
SESSION_TTL_HOURS=8
CHUNG_TAY_PROVINCE_CODE=20
CHUNG_TAY_PROVINCE_NAME="Tỉnh Lạng Sơn"
CHUNG_TAY_FILES_DIR=$work/files
LOG_LEVEL=info
EOF
chmod 600 "$work/chung-tay.env"
set -a
# shellcheck disable=SC1091
. "$work/chung-tay.env"
set +a

step "3. Migrations, once, forward only (deploy.md §4)"
npx chung-tay db migrate

step "4. The first administrator (deploy.md §4)"
CHUNG_TAY_PASSWORD="$admin_password" npx chung-tay user create --admin --username quantri --name "Quản trị hệ thống"

step "5. The service, started as the systemd unit's ExecStart does (deploy.md §5)"
setsid "$node" "$root/bin/chung-tay.js" serve >"$work/server.log" 2>&1 &
server_pid=$!

step "6. Poll /ready until 200 (at most 60 s)"
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "Máy chủ đã dừng trước khi sẵn sàng:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  code=$(curl -s -o "$work/ready.json" -w '%{http_code}' "http://127.0.0.1:$port/ready" || true)
  if [ "$code" = "200" ]; then ready=yes; break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "/ready không trả lời 200 sau 60 giây (lần cuối: ${code:-không kết nối được})." >&2
  cat "$work/server.log" >&2
  exit 1
fi
cat "$work/ready.json"; echo

step "7. Login as the reverse proxy forwards it (X-Forwarded-Proto: https → Secure cookie)"
headers=$(curl -s -D - -o /dev/null -H 'content-type: application/json' -H 'x-forwarded-proto: https' \
  --data "{\"username\":\"quantri\",\"password\":\"$admin_password\"}" "http://127.0.0.1:$port/api/auth/login")
echo "$headers" | grep -qi '^HTTP/1.1 200' || { echo "Đăng nhập thất bại:" >&2; echo "$headers" >&2; exit 1; }
echo "$headers" | grep -i '^set-cookie: ct_session=' | grep -qi 'secure' || { echo "Cookie phiên thiếu Secure:" >&2; echo "$headers" >&2; exit 1; }
echo "login 200, cookie Secure"

step "8. Stop (systemctl stop sends SIGTERM)"
kill -TERM -- "-$server_pid"
wait "$server_pid"
server_pid=""
