#!/usr/bin/env bash
# Stand-in base images, ONLY to verify this project's Dockerfile and compose.yaml on a machine
# that has a Docker daemon but cannot reach Docker Hub (it reaches Debian's mirrors only). They
# are NOT the official images and must never be pushed or deployed: a real deployment pulls
# node:20-slim, postgres:15-alpine and redis:7-alpine from Docker Hub.
#
# Builds, from Debian bookworm packages (debootstrap --variant=minbase) and `docker import`:
#   node:20-slim       the host's Node 20 (node in /usr/local/bin, npm in /usr/local/lib/node_modules,
#                      as the official image has them), user and group `node` (1000:1000), apt working.
#   postgres:15-alpine Debian's postgresql-15, with an entrypoint that does what compose.yaml relies
#                      on from the official one: POSTGRES_USER/PASSWORD/DB create the superuser and
#                      database on an empty PGDATA (/var/lib/postgresql/data), listens on 5432 on all
#                      interfaces with password (scram-sha-256) auth, runs as `postgres`; pg_isready in PATH.
#   redis:7-alpine     Debian's redis-server (7.0), entrypoint as the official one: runs as `redis`
#                      in /data, protected mode off (the official image builds it so); redis-cli in PATH.
#
#   sudo scripts/stand-in-base-images.sh [work dir, default /tmp/stand-in-images]
#   sudo IMAGES=node scripts/stand-in-base-images.sh   # only node:20-slim
# Needs root, debootstrap (apt-get install debootstrap), a running Docker daemon and `node` on
# the host (major version 20). Takes a few minutes; the debootstrap root is kept in the work dir.
set -euo pipefail

WORK=${1:-/tmp/stand-in-images}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
IMAGES=${IMAGES:-node postgres redis} # e.g. IMAGES=node to remake only node:20-slim
want() { [[ " $IMAGES " == *" $1 "* ]]; }
mkdir -p "$WORK"

node_bin=$(readlink -f "$(command -v node)")
node_major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || { echo "host node is $("$node_bin" -v); node:20-slim needs Node 20" >&2; exit 1; }
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")") # .../node_modules/npm

# One minbase root, copied for each image.
if [ ! -x "$WORK/base/usr/bin/apt-get" ]; then
  rm -rf "$WORK/base"
  debootstrap --variant=minbase bookworm "$WORK/base" "$MIRROR"
fi

fresh_root() { # name -> path of a fresh copy of the base root
  rm -rf "${WORK:?}/$1"
  cp -a "$WORK/base" "$WORK/$1"
  # Packages' maintainer scripts must not start services inside the chroot.
  printf '#!/bin/sh\nexit 101\n' >"$WORK/$1/usr/sbin/policy-rc.d"
  chmod +x "$WORK/$1/usr/sbin/policy-rc.d"
  echo "$WORK/$1"
}

apt_in() { # root packages...
  local root=$1
  shift
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

finish_root() { # root: what every official image leaves out
  local root=$1
  rm -f "$root/usr/sbin/policy-rc.d" "$root/etc/resolv.conf"
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/tmp/* "$root"/var/log/*.log
}

import() { # root tag changes...
  local root=$1 tag=$2
  shift 2
  local changes=()
  for change in "$@"; do changes+=(--change "$change"); done
  tar --numeric-owner -C "$root" -c . | docker import "${changes[@]}" - "$tag"
}

# --- node:20-slim -------------------------------------------------------------------------------
if want node; then
root=$(fresh_root node)
install -m 0755 "$node_bin" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
# The official image ships Node's headers in /usr/local/include/node. Building sqlite3 needs
# either its prebuilt binary (from GitHub) or these headers; node-gyp downloads headers from
# nodejs.org unless told otherwise, and this machine reaches neither, so npm's global config
# points node-gyp at the image's own headers (as the host's npm is set up).
node_headers=$(dirname "$(dirname "$node_bin")")/include/node
[ -f "$node_headers/node_api.h" ] || { echo "no Node headers in $node_headers" >&2; exit 1; }
mkdir -p "$root/usr/local/include" "$root/usr/local/etc"
cp -a "$node_headers" "$root/usr/local/include/node"
printf 'nodedir=/usr/local\n' >"$root/usr/local/etc/npmrc"
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
chroot "$root" node -v >/dev/null # the binary runs on the image's libraries
node_changes=(
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  "ENV NODE_VERSION=$("$node_bin" -p 'process.versions.node')"
  'CMD ["node"]'
)
# A machine whose outbound HTTPS goes through an inspecting proxy trusts that proxy's CA through
# NODE_EXTRA_CA_CERTS; `npm ci` in the build needs the same, so the stand-in carries the host's
# file (the official image has no such setting: it is this machine's, not the project's).
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  install -m 0644 "$NODE_EXTRA_CA_CERTS" "$root/usr/local/share/stand-in-extra-ca.crt"
  node_changes+=('ENV NODE_EXTRA_CA_CERTS=/usr/local/share/stand-in-extra-ca.crt')
fi
finish_root "$root"
import "$root" node:20-slim "${node_changes[@]}"
fi

# --- postgres:15-alpine -------------------------------------------------------------------------
if want postgres; then
root=$(fresh_root postgres)
apt_in "$root" postgresql-15
# The package's maintainer script made a Debian-style cluster; the image makes its own on start.
chroot "$root" pg_dropcluster 15 main 2>/dev/null || rm -rf "$root/var/lib/postgresql/15" "$root/etc/postgresql/15"
mkdir -p "$root/var/lib/postgresql/data" "$root/var/run/postgresql"
chroot "$root" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
chmod 2777 "$root/var/run/postgresql"
cat >"$root/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/bash
# Stand-in for the official postgres entrypoint: the parts compose.yaml uses.
set -euo pipefail
if [ "${1:0:1}" = '-' ]; then set -- postgres "$@"; fi
if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi
if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (as with the official image)}"
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$db" != postgres ]; then
    psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres \
      -c "CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
if [ "$1" = postgres ]; then shift; exec postgres -c listen_addresses='*' "$@"; fi
exec "$@"
EOF
chmod +x "$root/usr/local/bin/docker-entrypoint.sh"
finish_root "$root"
import "$root" postgres:15-alpine \
  'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENV PGDATA=/var/lib/postgresql/data' \
  'ENV LANG=C.UTF-8' \
  'VOLUME /var/lib/postgresql/data' \
  'EXPOSE 5432' \
  'ENTRYPOINT ["docker-entrypoint.sh"]' \
  'CMD ["postgres"]'
# `docker import --change` takes no STOPSIGNAL; the official image stops postgres with SIGINT
# (fast shutdown), so one build step adds it.
printf 'FROM postgres:15-alpine\nSTOPSIGNAL SIGINT\n' | docker build -q -t postgres:15-alpine - >/dev/null
fi

# --- redis:7-alpine -----------------------------------------------------------------------------
if want redis; then
root=$(fresh_root redis)
apt_in "$root" redis-server
mkdir -p "$root/data"
chroot "$root" chown redis:redis /data
cat >"$root/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/bash
# Stand-in for the official redis entrypoint: the parts compose.yaml uses.
set -euo pipefail
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . \! -user redis -exec chown redis '{}' +
  # The official image is built with protected mode off; Debian's binary has it on.
  exec setpriv --reuid=redis --regid=redis --init-groups "$@" --protected-mode no
fi
exec "$@"
EOF
chmod +x "$root/usr/local/bin/docker-entrypoint.sh"
finish_root "$root"
import "$root" redis:7-alpine \
  'WORKDIR /data' \
  'VOLUME /data' \
  'EXPOSE 6379' \
  'ENTRYPOINT ["docker-entrypoint.sh"]' \
  'CMD ["redis-server"]'
fi

docker image ls --format 'table {{.Repository}}:{{.Tag}}\t{{.ID}}\t{{.Size}}' |
  grep -E '^(REPOSITORY|node:20-slim|postgres:15-alpine|redis:7-alpine)'
