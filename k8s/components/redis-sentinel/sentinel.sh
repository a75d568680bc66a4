#!/bin/sh
# Writes this pod's Sentinel configuration (Sentinel rewrites it as it learns, so it lives on an
# emptyDir) pointing at the primary the other Sentinels know, or redis-0 in a new set.
set -eu
domain="redis-headless.${POD_NAMESPACE}.svc.cluster.local"
self="${HOSTNAME}.${domain}"

primary=""
i=0
while [ "${i}" -lt "${REDIS_PODS}" ] && [ -z "${primary}" ]; do
  if [ "redis-${i}" != "${HOSTNAME}" ]; then
    primary="$(timeout 2 redis-cli -h "redis-${i}.${domain}" -p 26379 --raw \
      sentinel get-master-addr-by-name features 2>/dev/null | head -n 1 || true)"
  fi
  i=$((i + 1))
done
if [ -z "${primary}" ]; then
  primary="redis-0.${domain}"
fi

cat > /sentinel/sentinel.conf <<CONF
port 26379
dir /sentinel
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip ${self}
sentinel monitor features ${primary} 6379 2
sentinel down-after-milliseconds features 5000
sentinel failover-timeout features 30000
sentinel parallel-syncs features 1
CONF
exec redis-server /sentinel/sentinel.conf --sentinel
