//go:build !linux

package siem

import "net"

// sendQueue cannot tell on this platform: the grace window alone decides.
func sendQueue(net.Conn) (int, bool) { return 0, false }
