package main

import (
	"bufio"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// machine describes where and with what the figures were taken.
type machine struct {
	Date string `json:"date"`
	CPU  string `json:"cpu"`
	CPUs int    `json:"cpus"`
	Go   string `json:"go"`
	Hugo string `json:"hugo"`
	Po4a string `json:"po4a"`
	// Glot is `git describe --always --dirty` of the repository: glot
	// has no version of its own yet.
	Glot string `json:"glot"`
}

func describeMachine(repo, date string) machine {
	return machine{
		Date: date,
		CPU:  cpuModel(),
		CPUs: runtime.NumCPU(),
		Go:   runtime.Version(),
		Hugo: field(output("", "hugo", "version"), 1),
		Po4a: strings.TrimSuffix(field(output("", "po4a", "--version"), -1), "."),
		Glot: firstLine(output(repo, "git", "describe", "--always", "--dirty")),
	}
}

// cpuModel reads the processor's name from /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// output runs a program for its first line of output, or "unknown".
func output(dir, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil || len(strings.TrimSpace(string(out))) == 0 {
		return "unknown"
	}
	return string(out)
}

// field returns field i of the first line of s, counting from the end
// when i is negative: "v0.111.3+extended" of "hugo v0.111.3+extended
// linux/amd64 ...".
func field(s string, i int) string {
	f := strings.Fields(firstLine(s))
	if i < 0 {
		i += len(f)
	}
	if i < 0 || i >= len(f) {
		return firstLine(s)
	}
	return f[i]
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(s)
}

// availableKB reads the memory available to new programs from
// /proc/meminfo, or 0 when it cannot tell.
func availableKB() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && f[0] == "MemAvailable:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}
