#!/usr/bin/env bash
# Tries the Linux package as a new user would, on this machine (needs root, Xvfb and xwininfo):
# installs target/dist/bias-inspector_*.deb, runs the launcher from the PATH with no JDK on it,
# checks the desktop entry and the file associations, opens the demo in a window and hands a
# second file to it (single instance), then uninstalls and checks that nothing is left.
#
#   mvn -B -Pdist package -DskipTests && sudo bash src/dist/check-deb.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
deb=$(ls target/dist/bias-inspector_*.deb | head -1)
fail() { echo "FAILED: $*"; exit 1; }
echo "package: $deb ($(du -h "$deb" | cut -f1))"
apt-get install -y -q "./$deb" >/dev/null 2>&1 || fail "apt-get install"
home=$(mktemp -d)
env -i HOME="$home" PATH=/usr/bin:/bin bias-inspector list "$repo/models/simple_net.pt" | grep -q '^fc1.bias' \
  || fail "bias-inspector list from the PATH"
desktop=$(dpkg -L bias-inspector | grep '\.desktop$' | head -1)
desktop-file-validate "$desktop" >/dev/null || fail "desktop entry $desktop"
for ext in pt pth safetensors gguf onnx params; do
  touch "$home/a.$ext"
  app=$(xdg-mime query default "$(xdg-mime query filetype "$home/a.$ext")")
  [ "$app" = "$(basename "$desktop")" ] || fail ".$ext opens with '$app'"
done
ls /opt/bias-inspector/lib/app/*.jsa >/dev/null || fail "no class-data archive written at install"
cat >"$home/window.sh" <<'INNER'
cd "$1"
bias-inspector models/simple_net.pt >/dev/null 2>&1 &
first=$!
title() { xwininfo -root -tree 2>/dev/null | grep -q "\"$1 — Bias Inspector\""; }
for _ in $(seq 120); do title simple_net.pt && break; sleep 0.25; done
title simple_net.pt || { echo "FAILED: the window did not open"; exit 1; }
bias-inspector models/simple_net_trained.pt >/dev/null 2>&1 || { echo "FAILED: second start"; exit 1; }
for _ in $(seq 120); do title simple_net_trained.pt && break; sleep 0.25; done
title simple_net_trained.pt || { echo "FAILED: the running window did not open the second file"; exit 1; }
[ "$(pgrep -c -f dev.biasinspector.Main)" = 1 ] || { echo "FAILED: a second app started"; exit 1; }
kill "$first"
INNER
HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" bash "$home/window.sh" "$repo" || fail "window"
dpkg -P bias-inspector >/dev/null 2>&1 || fail "dpkg -P"
[ ! -e /opt/bias-inspector ] && [ ! -e /usr/bin/bias-inspector ] && [ ! -e "$desktop" ] || fail "files left after removal"
rm -rf "$home"
echo "ok: installed, ran from the PATH, opened files from the file manager's associations, handed a second file to the running window, removed cleanly"
