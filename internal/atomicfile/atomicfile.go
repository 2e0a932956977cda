// Package atomicfile writes files whole or not at all: the data goes to a
// temporary file beside the target, flushed to disk, then renamed over it
// (DESIGN §2: every file Carnet writes goes through a temporary file
// renamed at the end). A failure or a kill leaves the target as it was.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write writes path with write; nothing is at path until write returned
// nil and the data is on disk.
func Write(path string, write func(io.Writer) error) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	return nil
}
