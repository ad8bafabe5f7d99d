# The UNSHARE level's private view of the filesystem. Runs as root of a fresh user namespace (mapped to the run's
# host uid, so it holds no right on the host) in a fresh mount namespace; then execs the rest of its arguments.
# Arguments: work dir, size cap of the writable mounts in bytes, interpreter prefix to keep ("" for none).
# Result: /usr, /bin, /sbin, /lib*, /etc read-only; a minimal read-only /dev; every other top-level directory
# (/home, /root, /work, /run, /var, /opt, /srv, /mnt, /sys, ...) an empty read-only tmpfs and every top-level file
# empty; /tmp, /var/tmp, /dev/shm private tmpfs capped at the size; only the work dir (and the interpreter's
# prefix, read-only) bound back. Mounts made here are locked for the code: it cannot unmount them to see below.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin
work=$1 size=$2 prefix=$3
shift 3
exec 3<"$work"                      # reachable through /proc/self/fd/3 once its parent is covered
if [ -n "$prefix" ]; then exec 4<"$prefix"; fi
capped="size=$size,nosuid,nodev"
mount -n -t tmpfs -o "$capped,mode=1777" tmpfs /tmp
mkdir /tmp/.dev
mount -n -t tmpfs -o size=64k,mode=755,nosuid tmpfs /tmp/.dev
for node in null zero full random urandom tty; do
  if [ -e "/dev/$node" ]; then
    touch "/tmp/.dev/$node"
    mount -n --bind "/dev/$node" "/tmp/.dev/$node"
  fi
done
ln -s /proc/self/fd /tmp/.dev/fd
ln -s /proc/self/fd/0 /tmp/.dev/stdin
ln -s /proc/self/fd/1 /tmp/.dev/stdout
ln -s /proc/self/fd/2 /tmp/.dev/stderr
mkdir /tmp/.dev/shm
mount -n -t tmpfs -o "$capped,mode=1777" tmpfs /tmp/.dev/shm
mount -n --move /tmp/.dev /dev
rmdir /tmp/.dev
covered=
for entry in /* /.[!.]* /..?*; do
  case "$entry" in
    /usr|/bin|/sbin|/lib|/lib32|/lib64|/libx32|/etc|/proc|/dev|/tmp) continue ;;
  esac
  if [ -L "$entry" ] || [ ! -e "$entry" ]; then
    continue
  elif [ -d "$entry" ]; then
    mount -n -t tmpfs -o size=1m,mode=755,nosuid,nodev tmpfs "$entry"
    covered="$covered $entry"
  else
    mount -n --bind /dev/null "$entry"
    mount -n -o remount,bind,ro "$entry"
  fi
done
if [ -d /var ]; then
  mkdir -m 1777 /var/tmp
  mount -n -t tmpfs -o "$capped,mode=1777" tmpfs /var/tmp
fi
if [ -n "$prefix" ]; then
  mkdir -p "$prefix"
  mount -n -c --bind /proc/self/fd/4 "$prefix"
  mount -n -o remount,bind,ro "$prefix"
fi
mkdir -p "$work"
mount -n -c --bind /proc/self/fd/3 "$work"
exec 3<&- 4<&-
for dir in $covered; do
  mount -n -o remount,bind,ro,nosuid,nodev "$dir"
done
mount -n -o remount,bind,ro,nosuid /dev
for dir in /usr /bin /sbin /lib /lib32 /lib64 /libx32 /etc; do
  if [ -d "$dir" ] && [ ! -L "$dir" ]; then
    mount -n --bind "$dir" "$dir"
    mount -n -o remount,bind,ro "$dir"
  fi
done
exec "$@"
