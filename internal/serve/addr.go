package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"
)

// ErrNotLoopback is wrapped by CheckAddr's error for an address that
// other machines could reach, so that a command can say how to allow it.
var ErrNotLoopback = errors.New("other machines could reach the preview")

// lookup resolves a host name; tests replace it so that no case depends
// on the machine's DNS.
var lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// CheckAddr is the rule on where a local preview may listen, shared by
// every command that serves one. A preview shows unpublished pages and, in
// an editor, accepts changes, so by default it listens only on loopback:
// addr (HOST:PORT) must name 127.0.0.0/8, ::1, localhost, or a host name
// that resolves only to those. Any other address (every interface, as
// 0.0.0.0, :: or an empty host; a LAN address; a name that resolves to
// one) is refused with an error wrapping ErrNotLoopback, unless public is
// set, when it is accepted with a warning to show the user. A malformed
// addr is an error whatever public says.
func CheckAddr(addr string, public bool) (warning string, err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("%q is not HOST:PORT: %w", addr, err)
	}
	why, err := nonLoopback(host)
	if err != nil {
		if public {
			// Listening will fail if the name means nothing; if it
			// means something, the user has said it may be public.
			return fmt.Sprintf("%s may not be a loopback address (%v): the preview may be reachable from other machines", addr, err), nil
		}
		return "", fmt.Errorf("%s: %w", addr, err)
	}
	if why == "" {
		return "", nil
	}
	if !public {
		return "", fmt.Errorf("%s %s: %w", addr, why, ErrNotLoopback)
	}
	return fmt.Sprintf("listening on %s, which %s: the preview is reachable from other machines that can reach this one", addr, why), nil
}

// nonLoopback says why host is not loopback-only, or "" when it is.
func nonLoopback(host string) (string, error) {
	if host == "" {
		return "means every network interface", nil
	}
	if strings.EqualFold(host, "localhost") {
		// localhost is loopback by definition (RFC 6761), and browsers
		// resolve it so without asking DNS.
		return "", nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return ipWhy(ip), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ips, err := lookup(ctx, host)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", host, err)
	}
	if len(ips) == 0 {
		return "", fmt.Errorf("resolve %s: no address", host)
	}
	for _, ip := range ips {
		if ipWhy(ip) != "" {
			return fmt.Sprintf("resolves to %s", ip.Unmap()), nil
		}
	}
	return "", nil
}

// ipWhy says why ip is not loopback, or "" when it is.
func ipWhy(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsUnspecified():
		return "means every network interface"
	case ip.IsLoopback():
		return ""
	default:
		return "is not a loopback address"
	}
}

// isLoopback reports whether a bound address is on loopback.
func isLoopback(a net.Addr) bool {
	ap, err := netip.ParseAddrPort(a.String())
	return err == nil && ipWhy(ap.Addr()) == ""
}
