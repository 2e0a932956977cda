package sheet

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// This file looks at the workbook at the zip level, before and beside
// excelize: it bounds what excelize will be asked to hold in memory (zip
// bombs), maps sheet names to their parts, and pre-scans a worksheet part
// for its merged ranges and for tokens too large to be a real cell.

// maxOtherPart bounds each part excelize reads whole into memory (styles,
// workbook, images…); worksheets and shared strings above MaxXMLInMemory are
// streamed from temporary files instead.
const maxOtherPart = 64 << 20

// maxTokenBytes bounds the text between two XML tags of a worksheet or of
// the shared strings: a cell of MaxCellBytes, escaped (&quot; is six bytes
// for one), plus slack. Excel itself stops at 32,767 characters per cell.
const maxTokenBytes = 8 << 20

// workbookParts maps the workbook's sheets to their zip parts.
type workbookParts struct {
	sheets        map[string]string // sheet name → part name, as stored in the zip
	sharedStrings string
	files         map[string]*zip.File // lower-cased part name → entry
}

func errTooLarge(path string) *Error {
	return newError(CodeTooLarge, path, nil,
		fmt.Sprintf("classeur trop volumineux une fois décompressé (plus de %d Gio, ou une partie de plus de %d Mio) : enregistrez les données utiles au format CSV et importez le CSV", MaxUnzipBytes>>30, maxOtherPart>>20),
		fmt.Sprintf("workbook too large once uncompressed (over %d GiB, or one part over %d MiB): save the data you need as CSV and import the CSV", MaxUnzipBytes>>30, maxOtherPart>>20))
}

// checkZip bounds the uncompressed sizes declared by the archive (Go's zip
// reader refuses an entry that inflates beyond its declared size).
func checkZip(path string, zr *zip.Reader) error {
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		name := strings.ToLower(zf.Name)
		streamed := strings.HasPrefix(name, "xl/worksheets/") || strings.HasSuffix(name, "sharedstrings.xml")
		if total > MaxUnzipBytes || (!streamed && size > maxOtherPart) {
			return errTooLarge(path)
		}
	}
	return nil
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbookSheets struct {
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"id,attr"` // r:id; matched whatever the prefix
	} `xml:"sheets>sheet"`
}

// readWorkbookParts follows _rels/.rels → workbook → its rels, as excelize
// does, tolerating prefixed namespaces and absolute targets.
func readWorkbookParts(zr *zip.Reader) (workbookParts, error) {
	wp := workbookParts{sheets: map[string]string{}, files: map[string]*zip.File{}}
	for _, zf := range zr.File {
		wp.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(zf.Name, "\\", "/"), "/"))] = zf
	}
	workbook := "xl/workbook.xml"
	var root xmlRels
	if err := wp.decode("_rels/.rels", &root); err == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				workbook = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	dir := path.Dir(workbook)
	var rels xmlRels
	if err := wp.decode(dir+"/_rels/"+path.Base(workbook)+".rels", &rels); err != nil {
		return wp, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		targets[r.ID] = target
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			wp.sharedStrings = target
		}
	}
	var wb xmlWorkbookSheets
	if err := wp.decode(workbook, &wb); err != nil {
		return wp, err
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			wp.sheets[s.Name] = t
		}
	}
	return wp, nil
}

func (wp workbookParts) open(name string) (io.ReadCloser, int64, error) {
	zf, ok := wp.files[strings.ToLower(name)]
	if !ok {
		return nil, 0, fmt.Errorf("part %s missing", name)
	}
	rc, err := zf.Open()
	return rc, int64(zf.UncompressedSize64), err
}

func (wp workbookParts) decode(name string, v any) error {
	rc, _, err := wp.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxOtherPart)).Decode(v)
}
