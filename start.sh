#!/usr/bin/env bash
# Starts the whole demo system: the shop server (port 8081) with its demo shop, and the OMS (port 8080)
# already linked to that shop. Both keep their data under ./data/ between starts. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"

export JUCHU_DATA_DIR="${JUCHU_DATA_DIR:-$PWD/data}"
SHOP_PORT="${SHOP_SERVER_PORT:-8081}"
OMS_PORT="${OMS_PORT:-8080}"
mkdir -p "$JUCHU_DATA_DIR/logs"

echo "Building (first time takes a few minutes)..."
./mvnw -B -q -DskipTests package

pids=()
stop() {
  trap - INT TERM
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
  echo "Stopped. Data kept in $JUCHU_DATA_DIR"
}
trap stop INT TERM

wait_for() {
  local name=$1 url=$2 pid=$3
  for _ in $(seq 1 180); do
    if curl -fs "$url" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name did not start; see $JUCHU_DATA_DIR/logs/$name.log"; stop; exit 1; fi
    sleep 1
  done
  echo "$name did not answer at $url"; stop; exit 1
}

java @jvm.options ${JAVA_OPTS:-} -jar shop-server/target/shop-server-*-exec.jar \
  --server.port="$SHOP_PORT" --shop.demo.enabled=true \
  > "$JUCHU_DATA_DIR/logs/shop-server.log" 2>&1 &
pids+=($!)
wait_for shop-server "http://localhost:$SHOP_PORT/actuator/health" "${pids[0]}"

java @jvm.options ${JAVA_OPTS:-} -jar oms/target/oms-*-exec.jar \
  --server.port="$OMS_PORT" --oms.demo.enabled=true \
  > "$JUCHU_DATA_DIR/logs/oms.log" 2>&1 &
pids+=($!)
wait_for oms "http://localhost:$OMS_PORT/actuator/health" "${pids[1]}"

cat <<MSG

juchu is running (logs in $JUCHU_DATA_DIR/logs/):
  Shop server admin  http://localhost:$SHOP_PORT/admin     shop ID: sptest18pj   password: demo-pass
  Storefront         http://localhost:$SHOP_PORT/shops/sptest18pj/   member: member101  password: demo-pass (or buy as a guest)
  Shop FTP server    ftp://localhost:${SHOP_FTP_PORT:-2121}/     accounts: shop admin → サーバー → FTPアカウント
  Shop mail (SMTP)   localhost:${SHOP_SMTP_PORT:-2525}          addresses: shop admin → サーバー → メールアドレス追加
  OMS                http://localhost:$OMS_PORT/            login: admin          password: juchu-admin
Press Ctrl-C to stop both.
MSG
wait
