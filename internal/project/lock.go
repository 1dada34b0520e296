package project

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/plan"
)

// lockWait is how long a command waits for another that holds the
// locales (see plan.LockWrite): GLOT_LOCK_WAIT, a Go duration, or 5 s.
func (s *Site) lockWait() (time.Duration, error) {
	v := os.Getenv("GLOT_LOCK_WAIT")
	if v == "" {
		return 5 * time.Second, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("GLOT_LOCK_WAIT=%q: not a duration such as 5s or 1m", v)
	}
	return d, nil
}

// lockWrite takes the write lock of the site's locales folder for a
// command that changes the catalogs, before it reads anything from
// there, and holds it until the command ends: what it read cannot change
// under it. A change that a killed command left half done is finished
// or undone first. makes says that the command may make the locales
// folder (glot extract, the first time); the others need one.
func (s *Site) lockWrite(cfg *config.Config, makes bool) error {
	if s.wlock != nil {
		return nil
	}
	if s.rlock != nil {
		// A command reads before it knows it writes only by mistake; a
		// read lock held by this very command would block its commit.
		panic("glot: the write lock is taken after the read lock")
	}
	wait, err := s.lockWait()
	if err != nil {
		return err
	}
	dir := s.path(cfg.LocalesDir)
	if _, err := os.Stat(dir); err != nil && !makes {
		return fmt.Errorf("locales folder: %w: run glot extract first", err)
	}
	if err := s.insideSite(cfg); err != nil {
		return err
	}
	w, finished, err := plan.LockWrite(dir, "glot "+strings.Join(s.args, " "), wait)
	if err != nil {
		return err
	}
	s.wlock = w
	s.noteFinished(dir, finished)
	return nil
}

// lockFor takes the lock a command that changes the catalogs needs: the
// write lock (see lockWrite for makes), or with --dry-run, which writes
// nothing, the read lock.
func (s *Site) lockFor(cfg *config.Config, dryRun, makes bool) error {
	if dryRun {
		_, err := s.localesDir(cfg)
		return err
	}
	return s.lockWrite(cfg, makes)
}

// localesDir returns the site's locales folder, holding its read lock
// (see plan.LockRead) until the command ends, unless the command holds
// the write lock: it then reads what nobody else can change. Every read
// of the catalogs goes through here.
func (s *Site) localesDir(cfg *config.Config) (string, error) {
	dir := s.path(cfg.LocalesDir)
	if s.wlock != nil || s.rlock != nil {
		return dir, nil
	}
	if err := s.insideSite(cfg); err != nil {
		return "", err
	}
	wait, err := s.lockWait()
	if err != nil {
		return "", err
	}
	r, finished, err := plan.LockRead(dir, wait)
	if err != nil {
		return "", err
	}
	s.rlock = r
	s.noteFinished(dir, finished)
	return dir, nil
}

// noteFinished says that an interrupted change was finished.
func (s *Site) noteFinished(dir string, finished bool) {
	if finished {
		s.warnf("%s: finished a change to the catalogs that an interrupted glot command had committed", display(dir))
	}
}

// releaseRead lets go of the read lock: serve releases it after each
// build, so that merges can commit while it watches.
func (s *Site) releaseRead() {
	s.rlock.Release()
	s.rlock = nil
}

// releaseLocks lets go of both locks, at the end of a command.
func (s *Site) releaseLocks() {
	s.releaseRead()
	s.wlock.Release()
	s.wlock = nil
}

// insideSite refuses a locales folder, or a bookkeeping folder in it,
// that is a link leading outside the site, before a lock or a journal is
// made there (see in).
func (s *Site) insideSite(cfg *config.Config) error {
	for _, d := range []string{cfg.LocalesDir, path.Join(filepath.ToSlash(cfg.LocalesDir), ledger.Dir)} {
		if _, err := s.in(d); err != nil {
			return err
		}
	}
	return nil
}
