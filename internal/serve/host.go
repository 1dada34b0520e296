package serve

import (
	"net"
	"net/http"
	"strings"
)

// GuardHost answers only requests whose Host header names the preview,
// and 421 Misdirected Request to the others. A web page elsewhere can
// point a name it owns (evil.example) at 127.0.0.1 once the browser has
// loaded it (DNS rebinding); its scripts then talk to the preview as if
// it were their own origin, but every request carries Host: evil.example,
// which is how it is told apart.
//
// Accepted are localhost, 127.0.0.1, [::1], the host of addr (the address
// as the user gave it, say a name in /etc/hosts) and that of bound (where
// the listener is), each bare or with bound's port. When public is set and
// bound is not loopback every Host is accepted: other machines reach the
// preview by names and addresses that cannot be listed (the machine's LAN
// address, its mDNS name, a proxy's), and what a rebinding page could read
// there is what the user has already chosen to let the network read.
func GuardHost(next http.Handler, addr string, bound net.Addr, public bool) http.Handler {
	if public && !isLoopback(bound) {
		return next
	}
	hosts := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" {
		hosts[strings.ToLower(h)] = true
	}
	bh, port, _ := net.SplitHostPort(bound.String())
	hosts[strings.ToLower(bh)] = true
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowHost(r.Host, hosts, port) {
			http.Error(w, "glot: this preview answers only to localhost:"+port, http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowHost reports whether a Host header names one of hosts, bare or
// with port.
func allowHost(header string, hosts map[string]bool, port string) bool {
	h, p, err := net.SplitHostPort(header)
	if err != nil {
		h, p = header, "" // no port, or not an address at all
	} else if p != port {
		return false
	}
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	return h != "" && hosts[strings.ToLower(h)]
}
