package uitest

import (
	"io"
	"os"
)

// CopyFile copies the file at from to to, as tests copy a prepared
// customer file rather than build it again.
func CopyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
