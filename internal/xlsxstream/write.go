// Package xlsxstream writes an excelize workbook straight to its
// destination.
package xlsxstream

import (
	"archive/zip"
	"io"

	"github.com/xuri/excelize/v2"
)

// Write writes f to w as the zip is made. excelize's own Write builds the
// whole zip in memory first (File.WriteToBuffer), which for a million-row
// sheet written through a StreamWriter took 500 MB, all of it at the end;
// handing it a zip writer on w instead keeps memory flat. Its in-memory
// buffer then stays empty and goes to io.Discard. (excelize uses the
// buffer afterwards only to mark zip64 headers of parts over 4 GiB, which
// the standard zip writer marks itself.)
func Write(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	return f.Write(io.Discard)
}
