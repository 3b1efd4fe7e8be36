# Offline images without a registry: sourced by scripts/testbed/start and scripts/demo-stack.
# Needs lib.sh (TB_DOCKER, TB_DIR, TB_MAIN_HOST, tb_die) sourced first.
# shellcheck shell=bash
# Each recipe_* function fills the root folder $1; its text (and the host binaries' versions)
# make the label mcp.testbed.recipe, so an image is rebuilt only when its recipe changes.
add_busybox() { # root: static busybox + applet links (never overwriting a real file)
  local r=$1 a
  mkdir -p "$r/bin" "$r/sbin" "$r/usr/bin" "$r/usr/sbin"
  cp /bin/busybox "$r/bin/busybox"
  for a in $(/bin/busybox --list-full); do
    [ -e "$r/$a" ] || [ -L "$r/$a" ] || ln -s /bin/busybox "$r/$a"
  done
}
add_binary() { # root binary: the binary and every library ldd lists, links dereferenced
  local r=$1 bin=$2 lib
  mkdir -p "$r$(dirname "$bin")"; cp -L "$bin" "$r$bin"
  for lib in $(ldd "$bin" | grep -o '/[^ ]*' | sort -u); do
    mkdir -p "$r$(dirname "$lib")"; cp -L "$lib" "$r$lib"
  done
}
add_base() { # root: dirs, users, nsswitch
  local r=$1
  mkdir -p "$r"/{etc,tmp,run,root,proc,sys,dev,var/tmp}
  chmod 1777 "$r/tmp" "$r/var/tmp"
  cat >"$r/etc/passwd" <<'EOP'
root:x:0:0:root:/root:/bin/sh
www-data:x:33:33:www-data:/var/www:/bin/false
haproxy:x:100:101::/var/lib/haproxy:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOP
  cat >"$r/etc/group" <<'EOG'
root:x:0:
www-data:x:33:
haproxy:x:101:
nogroup:x:65534:
EOG
  printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\nservices: files\nprotocols: files\n' >"$r/etc/nsswitch.conf"
}

recipe_backend() {
  local r=$1
  add_base "$r"; add_busybox "$r"
  mkdir -p "$r/www/cgi-bin"
  printf 'ok\n' >"$r/www/health"
  printf '<!doctype html>\n<html><head><title>mcp-test backend</title></head><body><h1>mcp-test backend</h1></body></html>\n' >"$r/www/index.html"
  # /cgi-bin/app: echoes VERSION and hostname. Env FAIL_PERCENT (0-100) fails that share of requests
  # with 500, DELAY_MS delays each answer. Query ?status=N&delay_ms=N&fail_percent=N overrides.
  cat >"$r/www/cgi-bin/app" <<'EOS'
#!/bin/sh
q=${QUERY_STRING:-}
getq() { printf '%s\n' "$q" | tr '&' '\n' | sed -n "s/^$1=\([0-9]*\)$/\1/p" | head -n1; }
delay=$(getq delay_ms); [ -n "$delay" ] || delay=${DELAY_MS:-0}
fail=$(getq fail_percent); [ -n "$fail" ] || fail=${FAIL_PERCENT:-0}
status=$(getq status)
case $delay in ''|*[!0-9]*) delay=0 ;; esac
case $fail in ''|*[!0-9]*) fail=0 ;; esac
[ "$delay" -gt 0 ] && usleep $((delay * 1000))
if [ -z "$status" ]; then
  status=200
  if [ "$fail" -gt 0 ]; then
    r=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 100 ))
    [ "$r" -lt "$fail" ] && status=500
  fi
fi
case $status in
  200) reason=OK ;; 404) reason="Not Found" ;; 500) reason="Internal Server Error" ;;
  502) reason="Bad Gateway" ;; 503) reason="Service Unavailable" ;; *) reason=Status ;;
esac
host=$(hostname)
body="version=${VERSION:-unset} host=$host status=$status"
# The backend's own record of each answer (the ground truth telemetry tests compare with).
printf 'mcp-served version=%s status=%s delay_ms=%s\n' "${VERSION:-unset}" "$status" "$delay" >&2
# busybox httpd passes the output through unchanged when it starts with "HTTP/".
printf 'HTTP/1.0 %s %s\r\nContent-Type: text/plain\r\nX-Backend-Version: %s\r\nX-Backend-Host: %s\r\nContent-Length: %s\r\n\r\n%s\n' \
  "$status" "$reason" "${VERSION:-unset}" "$host" $(( ${#body} + 1 )) "$body"
EOS
  # /cgi-bin/health: 503 while /tmp/unhealthy exists (docker exec C touch /tmp/unhealthy)
  cat >"$r/www/cgi-bin/health" <<'EOS'
#!/bin/sh
if [ -e /tmp/unhealthy ]; then printf 'HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nunhealthy\n'
else printf 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n'; fi
EOS
  chmod 755 "$r/www/cgi-bin/app" "$r/www/cgi-bin/health"
  IMPORT_CHANGES=(
    'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin'
    'EXPOSE 8080'
    'WORKDIR /www'
    # a shell as PID 1 that exits on SIGTERM, so `docker stop` is immediate
    "CMD [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM INT; httpd -f -v -p 8080 -h /www & wait\"]"
  )
}

recipe_nginx() {
  local r=$1
  add_base "$r"
  add_binary "$r" /usr/sbin/nginx
  add_busybox "$r"
  cp -a /etc/nginx "$r/etc/nginx"
  rm -rf "$r/etc/nginx/sites-enabled" "$r/etc/nginx/modules-enabled"
  mkdir -p "$r/etc/nginx/sites-enabled" "$r/etc/nginx/modules-enabled" "$r/etc/nginx/conf.d"
  find "$r/etc/nginx/conf.d" -mindepth 1 -delete
  mkdir -p "$r/var/log/nginx" "$r/var/lib/nginx" "$r/var/www/html"
  ln -s /dev/stdout "$r/var/log/nginx/access.log"
  ln -s /dev/stderr "$r/var/log/nginx/error.log"
  printf '<!doctype html><title>mcp-test nginx</title><h1>mcp-test nginx</h1>\n' >"$r/var/www/html/index.html"
  IMPORT_CHANGES=(
    'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin'
    'EXPOSE 80'
    'CMD ["nginx", "-g", "daemon off;"]'
  )
}

recipe_haproxy() {
  local r=$1
  add_base "$r"
  add_binary "$r" /usr/sbin/haproxy
  add_busybox "$r"
  mkdir -p "$r/etc/haproxy" "$r/var/lib/haproxy"
  cat >"$r/etc/haproxy/haproxy.cfg" <<'EOC'
global
    log stdout format raw local0 info
    stats socket /run/haproxy.sock mode 600 level admin
    stats timeout 2m

defaults
    mode http
    log global
    option httplog
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend stats
    bind :8404
    stats enable
    stats uri /stats
    stats refresh 5s

frontend fe_main
    bind :80
    http-request return status 200 content-type text/plain string ok if { path /health }
    default_backend be_app

backend be_app
    balance roundrobin
EOC
  IMPORT_CHANGES=(
    'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin'
    'EXPOSE 80 8404'
    'CMD ["haproxy", "-W", "-db", "-f", "/etc/haproxy/haproxy.cfg"]'
  )
}

recipe_hash() { # name
  {
    declare -f "recipe_$1" add_base add_busybox add_binary
    dpkg-query -W busybox-static nginx haproxy 2>/dev/null || true
  } | sha256sum | cut -c1-16
}
image_label() { # host image
  $TB_DOCKER -H "$1" image inspect -f '{{index .Config.Labels "mcp.testbed.recipe"}}' "$2" 2>/dev/null || true
}
ensure_image() { # name image
  local name=$1 image=$2 hash root
  hash=$(recipe_hash "$name")
  if [ "$(image_label "$TB_MAIN_HOST" "$image")" = "$hash" ]; then echo reused; return 0; fi
  root=$(mktemp -d "$TB_DIR/images/$name.XXXXXX")
  IMPORT_CHANGES=()
  "recipe_$name" "$root/rootfs"
  local args=() c
  for c in "${IMPORT_CHANGES[@]}" "LABEL mcp.testbed.recipe=$hash"; do args+=(-c "$c"); done
  tar --numeric-owner -C "$root/rootfs" -c . | $TB_DOCKER -H "$TB_MAIN_HOST" import "${args[@]}" - "$image" >/dev/null
  rm -rf "$root"
  [ "$(image_label "$TB_MAIN_HOST" "$image")" = "$hash" ] || tb_die "import of $image failed"
  echo "built"
}
