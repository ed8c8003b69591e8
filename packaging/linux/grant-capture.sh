#!/bin/sh
# Lets Wirewatch capture live traffic without running as root, the way Debian's Wireshark lets dumpcap:
# only the capture interpreter (wirewatch-capture, a copy of the app's Electron binary that runs nothing
# but the capture helper script; see packaging/README.md) gets CAP_NET_RAW and CAP_NET_ADMIN, and only
# members of the `wirewatch` group may run it. The window, its renderers and the app's own binary keep
# no privilege.
#
# The deb's postinst runs this. For an AppImage or an unpacked folder, run it yourself as root:
#   sudo ./resources/grant-capture.sh /path/to/the/folder/holding/wirewatch-capture
# Usage: grant-capture.sh [INSTALL_DIR]   (default: the folder above this script's resources/)
# WIREWATCH_CAPTURE_GROUP names another group (tests use their own so they leave the system alone).
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
install_dir=${1:-$(dirname -- "$here")}
group=${WIREWATCH_CAPTURE_GROUP:-wirewatch}
interpreter="$install_dir/wirewatch-capture"

if [ ! -f "$interpreter" ]; then
  echo "grant-capture: $interpreter does not exist (this build has no capture interpreter)" >&2
  exit 1
fi
if ! command -v setcap >/dev/null 2>&1; then
  echo "grant-capture: setcap is missing; install libcap2-bin, then run this again" >&2
  exit 1
fi

if ! getent group "$group" >/dev/null; then
  groupadd --system "$group"
fi
chown "root:$group" "$interpreter"
# Owner root, the group may run it, nobody else may: capabilities go only to people the admin added.
chmod 0750 "$interpreter"
# +eip: permitted and effective at exec, inheritable so the helper could hand them to a child it runs
# (it runs none today). Both are needed: CAP_NET_RAW opens the packet socket, CAP_NET_ADMIN sets
# promiscuous mode and the kernel buffer size.
setcap cap_net_raw,cap_net_admin+eip "$interpreter"

echo "Wirewatch live capture: members of the '$group' group can capture without root."
echo "  Add yourself with:  sudo usermod -aG $group \$USER   (then log out and in again)"
