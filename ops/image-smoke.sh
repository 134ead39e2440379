#!/usr/bin/env bash
# Offline proof that a service's container image is buildable and starts, on a machine
# with no Docker engine and no access to container registries:
#   1. debootstrap a minimal Debian bookworm rootfs with a headless JRE (the base image),
#   2. pack it as a docker-save tarball that Jib accepts as `tar://` base,
#   3. build the service image tar with jib-maven-plugin:buildTar (same layout as the
#      Quarkus Jib extension: the quarkus-app directory under /deployments, user 185),
#   4. unpack the image layers into a rootfs, start the entrypoint under chroot as uid 185,
#   5. curl /q/health/live.
# With --quarkus, step 3 is the project's real image build instead:
#   ./mvnw package -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true
# (quarkus-container-image-jib with this repo's config) pushing to a Debian `docker-registry`
# on 127.0.0.1, with the debootstrap base pushed there by skopeo in place of the UBI image;
# the image is then pulled back with skopeo and run the same way.
# Slow (debootstrap downloads ~60 MB of .debs), so it is NOT part of ops/check.sh.
# Usage: ops/image-smoke.sh [--quarkus] [service]   (default: detector; needs root, the service built)
set -euo pipefail

MODE=jib-plugin
if [[ "${1:-}" == --quarkus ]]; then MODE=quarkus; shift; fi
SERVICE="${1:-detector}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${IMAGE_SMOKE_DIR:-$ROOT/.ops-tools/image-smoke}"
BASE_ROOTFS="$WORK/base-rootfs"
BASE_TAR="$WORK/base-image.tar"
IMAGE_TAR="$WORK/$SERVICE-$MODE-image.tar"
RUN_ROOTFS="$WORK/$SERVICE-rootfs"
START=$(date +%s)

log() { printf '[image-smoke %4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }

if [[ $EUID -ne 0 ]]; then echo "needs root (debootstrap, chroot)" >&2; exit 2; fi
if [[ ! -f "$ROOT/$SERVICE/target/quarkus-app/quarkus-run.jar" ]]; then
  echo "build first: ./mvnw -B -q install -DskipTests" >&2; exit 2
fi
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
mkdir -p "$WORK"

# The mirror apt already uses (deb822 or one-line format): debootstrap must not guess
# a host this machine cannot reach.
MIRROR=$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
  | grep -v security | head -n1 | tr -d ' ' || true)
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

# ---- 1. base rootfs (cached: debootstrap is the slow part) ----
if [[ ! -x "$BASE_ROOTFS/usr/bin/java" ]]; then
  log "debootstrap bookworm from $MIRROR (minbase + openjdk-17-jre-headless)"
  rm -rf "$BASE_ROOTFS"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$BASE_ROOTFS" "$MIRROR" \
    > "$WORK/debootstrap.log" 2>&1 || { tail -n 30 "$WORK/debootstrap.log" >&2; exit 1; }
  # Same convention as the ubi9 openjdk images: uid 185, home /home/default, app in /deployments.
  chroot "$BASE_ROOTFS" /usr/sbin/useradd -u 185 -g 0 -m -d /home/default -s /usr/sbin/nologin default || true
  mkdir -p "$BASE_ROOTFS/deployments" && chown 185:0 "$BASE_ROOTFS/deployments"
  rm -rf "$BASE_ROOTFS"/var/cache/apt/archives/*.deb
else
  log "reusing cached base rootfs $BASE_ROOTFS"
fi

# ---- 2. docker-save tarball of the rootfs (one layer) ----
if [[ ! -f "$BASE_TAR" || "$BASE_ROOTFS/usr/bin/java" -nt "$BASE_TAR" ]]; then
  log "packing base image tar"
  python3 - "$BASE_ROOTFS" "$BASE_TAR" <<'PY'
import hashlib, io, json, os, sys, tarfile, tempfile
rootfs, out = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory(dir=os.path.dirname(out)) as tmp:
    layer = os.path.join(tmp, "layer.tar")
    with tarfile.open(layer, "w", format=tarfile.PAX_FORMAT) as t:
        for name in sorted(os.listdir(rootfs)):
            if name in ("proc", "sys", "dev"):
                # keep the mount points, not host contents
                ti = tarfile.TarInfo(name); ti.type = tarfile.DIRTYPE; ti.mode = 0o755
                t.addfile(ti); continue
            t.add(os.path.join(rootfs, name), arcname=name)
    h = hashlib.sha256()
    with open(layer, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""): h.update(chunk)
    diff_id = "sha256:" + h.hexdigest()
    config = {"architecture": "amd64", "os": "linux",
              "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                 "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"],
                         "User": "185", "WorkingDir": "/deployments"},
              "rootfs": {"type": "layers", "diff_ids": [diff_id]}, "history": [{"created_by": "debootstrap"}]}
    cfg = json.dumps(config).encode()
    cfg_name = hashlib.sha256(cfg).hexdigest() + ".json"
    manifest = json.dumps([{"Config": cfg_name, "RepoTags": ["risk-platform/smoke-base:bookworm-jre17"],
                            "Layers": ["layer.tar"]}]).encode()
    with tarfile.open(out, "w") as t:
        for n, data in ((cfg_name, cfg), ("manifest.json", manifest)):
            ti = tarfile.TarInfo(n); ti.size = len(data); t.addfile(ti, io.BytesIO(data))
        t.add(layer, arcname="layer.tar")
PY
fi

# ---- 3. the service image ----
if [[ "$MODE" == jib-plugin ]]; then
# Quarkus' own Jib extension needs a daemon or a registry; jib-maven-plugin:buildTar needs
# neither. The staging dir reproduces the Quarkus layout: /deployments/{quarkus-run.jar,lib,app,quarkus}.
STAGE="$WORK/$SERVICE-stage"
rm -rf "$STAGE" && mkdir -p "$STAGE/deployments"
cp -a "$ROOT/$SERVICE/target/quarkus-app/." "$STAGE/deployments/"
log "jib buildTar for $SERVICE"
(cd "$ROOT" && ./mvnw -B -q -pl "$SERVICE" com.google.cloud.tools:jib-maven-plugin:3.5.2:buildTar \
   -Djib.from.image="tar://$BASE_TAR" \
   -Djib.to.image="risk-platform/$SERVICE:smoke" \
   -Djib.outputPaths.tar="$IMAGE_TAR" \
   -Djib.extraDirectories.paths="$STAGE" \
   -Djib.container.user=185 \
   -Djib.container.workingDirectory=/deployments \
   -Djib.container.entrypoint="java,-Djava.util.logging.manager=org.jboss.logmanager.LogManager,-jar,/deployments/quarkus-run.jar" \
   -Djib.allowInsecureRegistries=false ) > "$WORK/jib.log" 2>&1 || { tail -n 40 "$WORK/jib.log" >&2; exit 1; }
else
  for tool in docker-registry skopeo; do
    command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null
  done
  REG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  REG="127.0.0.1:$REG_PORT"
  mkdir -p "$WORK/registry-data"
  cat > "$WORK/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $WORK/registry-data
  delete:
    enabled: true
http:
  addr: $REG
YML
  docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
  REG_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://$REG/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
  log "registry on $REG (pid $REG_PID); pushing the base image with skopeo"
  skopeo copy --quiet --dest-tls-verify=false "docker-archive:$BASE_TAR" "docker://$REG/smoke-base:bookworm-jre17"
  log "quarkus-container-image-jib build+push of $SERVICE (the project's own image config)"
  (cd "$ROOT" && ./mvnw -B -pl "$SERVICE" package -DskipTests \
     -Dquarkus.container-image.build=true \
     -Dquarkus.container-image.push=true \
     -Dquarkus.container-image.registry="$REG" \
     -Dquarkus.container-image.insecure=true \
     -Dquarkus.container-image.tag=smoke \
     -Dquarkus.jib.base-jvm-image="$REG/smoke-base:bookworm-jre17" ) > "$WORK/quarkus-jib.log" 2>&1 \
     || { tail -n 40 "$WORK/quarkus-jib.log" >&2; kill "$REG_PID"; exit 1; }
  grep -E "Pushed container image|Built container image" "$WORK/quarkus-jib.log" | sed 's/^/    /' || true
  rm -f "$IMAGE_TAR"
  skopeo copy --quiet --src-tls-verify=false "docker://$REG/risk-platform/$SERVICE:smoke" "docker-archive:$IMAGE_TAR:risk-platform/$SERVICE:smoke"
  kill "$REG_PID"; wait "$REG_PID" 2>/dev/null || true
fi
# ---- 4. unpack layers (in manifest order) into a rootfs and start it under chroot ----
UNPACK="$WORK/$SERVICE-unpack"
rm -rf "$UNPACK" "$RUN_ROOTFS" && mkdir -p "$UNPACK" "$RUN_ROOTFS"
tar -xf "$IMAGE_TAR" -C "$UNPACK"
mapfile -t LAYERS < <(python3 -c 'import json,sys; [print(l) for l in json.load(open(sys.argv[1]))[0]["Layers"]]' "$UNPACK/manifest.json")
# Entrypoint, working dir, user and env exactly as the image config says (what a runtime uses).
python3 - "$UNPACK" "$WORK/$SERVICE-image.env" > "$WORK/$SERVICE-image.cfg" <<'PY'
import json, sys, os, shlex
d, env_out = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(d, "manifest.json")))[0]
c = json.load(open(os.path.join(d, m["Config"])))["config"]
print(shlex.join((c.get("Entrypoint") or []) + (c.get("Cmd") or [])))
print(c.get("WorkingDir") or "/")
print(c.get("User", ""))
with open(env_out, "w") as f:
    for e in c.get("Env") or []:
        f.write(e + "\n")
PY
{ read -r ENTRY; read -r WORKDIR; read -r USER_IN_IMAGE; } < "$WORK/$SERVICE-image.cfg"
mapfile -t IMAGE_ENV < "$WORK/$SERVICE-image.env"
# Jib and skopeo write PAX headers GNU tar does not know (creation time): harmless.
for l in "${LAYERS[@]}"; do tar --warning=no-unknown-keyword -xf "$UNPACK/$l" -C "$RUN_ROOTFS"; done
log "[$MODE] image: ${#LAYERS[@]} layers, user '$USER_IN_IMAGE', workdir $WORKDIR, entrypoint: $ENTRY"
log "[$MODE] image env: ${IMAGE_ENV[*]}"
[[ "$USER_IN_IMAGE" == "185" ]] || { echo "image user is not 185" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mount -t proc proc "$RUN_ROOTFS/proc"
# shellcheck disable=SC2317  # called through the trap
cleanup() {
  if [[ -n "${APP_PID:-}" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  umount "$RUN_ROOTFS/proc" 2>/dev/null || true
}
trap cleanup EXIT
# Unused loopback port for Kafka: the service must come up live even while its broker is absent.
# shellcheck disable=SC2086  # ENTRY is a word list on purpose
env -i HOME=/home/default "${IMAGE_ENV[@]}" \
  QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KPORT" \
  chroot --userspec="$USER_IN_IMAGE:0" "$RUN_ROOTFS" /bin/sh -c "cd '$WORKDIR' && exec $ENTRY" > "$WORK/$SERVICE-run.log" 2>&1 &
APP_PID=$!
log "started $SERVICE under chroot as uid 185 on 127.0.0.1:$PORT (pid $APP_PID)"
for _ in $(seq 1 90); do
  if curl -fsS "http://127.0.0.1:$PORT/q/health/live" > "$WORK/$SERVICE-live.json" 2>/dev/null; then
    log "LIVE: $(tr -d '\n ' < "$WORK/$SERVICE-live.json")"
    log "PASS image-smoke ($MODE) $SERVICE in $(( $(date +%s) - START ))s"
    exit 0
  fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/$SERVICE-run.log" >&2; echo "FAIL: process exited" >&2; exit 1; }
  sleep 1
done
tail -n 40 "$WORK/$SERVICE-run.log" >&2
echo "FAIL: /q/health/live did not answer in 90 s" >&2
exit 1
