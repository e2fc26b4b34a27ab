package siem

import (
	"net"
	"syscall"

	"golang.org/x/sys/unix"
)

// sendQueue returns how many bytes written to conn its peer has not yet
// acknowledged (SIOCOUTQ), and whether it could tell.
func sendQueue(conn net.Conn) (int, bool) {
	sc, ok := conn.(syscall.Conn)
	if !ok {
		return 0, false
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return 0, false
	}
	var n int
	var qerr error
	if err := raw.Control(func(fd uintptr) { n, qerr = unix.IoctlGetInt(int(fd), unix.SIOCOUTQ) }); err != nil || qerr != nil {
		return 0, false
	}
	return n, true
}
