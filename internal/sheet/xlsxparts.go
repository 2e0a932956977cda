package sheet

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// This file looks at the workbook at the zip level, before reading it: it
// bounds what inflating it can cost (zip bombs), maps sheet names to their
// parts, and reads the workbook's own settings.

// maxOtherPart bounds each part but the worksheets and shared strings above
// MaxXMLInMemory (styles, workbook, images…): the limits of the days when
// excelize read every part whole into memory, kept as a bound on what a
// workbook may hold.
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
	// order lists the sheets in workbook order (the order of the tabs),
	// states their state ("", "visible", "hidden", "veryHidden").
	order, states []string
	date1904      bool // serials count from 1904-01-01 (old Mac Excel)
}

// visible tells whether a sheet of that name (in any case) is shown, as
// excelize's GetSheetVisible does.
func (wp workbookParts) visible(name string) bool {
	for i, n := range wp.order {
		if strings.EqualFold(n, name) && (wp.states[i] == "" || wp.states[i] == "visible") {
			return true
		}
	}
	return false
}

// maxHeldBytes bounds those parts together, uncompressed (styles,
// drawings, images, small sheets…).
const maxHeldBytes = 128 << 20

// ratioFloor: parts smaller than this are not held to MaxCompressionRatio
// (a small part cannot cost much, whatever its ratio).
const ratioFloor = 1 << 20

// limits are the XLSX limits in force: the constants above, lowered by
// tests that need a small hostile file.
var limits = struct {
	unzip, held, otherPart, sharedStringsBytes uint64
	ratio                                      uint64
	sharedStrings                              int
	sstInMemory                                uint64
}{MaxUnzipBytes, maxHeldBytes, maxOtherPart, MaxSharedStringsBytes, MaxCompressionRatio, MaxSharedStrings, sstInMemory}

// sstInMemory is the size of shared strings XML above which their text is
// kept in a temporary file rather than in memory (see sharedStringTable).
const sstInMemory = 64 << 20

func errTooLarge(path string) *Error {
	return newError(CodeTooLarge, path, nil,
		"classeur trop volumineux une fois décompressé (plus de "+mib(limits.unzip, "fr")+") : enregistrez les données utiles au format CSV et importez le CSV",
		"workbook too large once uncompressed (over "+mib(limits.unzip, "en")+"): save the data you need as CSV and import the CSV")
}

func errPartTooLarge(path, part string, size uint64) *Error {
	return newError(CodeTooLarge, path, nil,
		"la partie "+quoteFR(part)+" du classeur fait "+mib(size, "fr")+" une fois décompressée (au plus "+mib(limits.otherPart, "fr")+") : enregistrez les données utiles au format CSV et importez le CSV",
		"part "+quoteEN(part)+" of the workbook is "+mib(size, "en")+" once uncompressed (at most "+mib(limits.otherPart, "en")+"): save the data you need as CSV and import the CSV")
}

func errHeldTooLarge(path string) *Error {
	return newError(CodeTooLarge, path, nil,
		"le classeur contient plus de "+mib(limits.held, "fr")+" d’images, de styles et de petites feuilles une fois décompressés : enregistrez les données utiles au format CSV (ou dans un classeur sans images) et importez ce fichier",
		"the workbook holds over "+mib(limits.held, "en")+" of images, styles and small sheets once uncompressed: save the data you need as CSV (or in a workbook without images) and import that file")
}

func errZipBomb(path, part string, ratio uint64) *Error {
	return newError(CodeTooLarge, path, nil,
		fmt.Sprintf("classeur anormalement compressé : la partie %s grossit %s fois à la décompression, alors qu’un vrai classeur reste sous %d fois ; c’est un fichier piégé (bombe zip) ou endommagé, il n’est pas ouvert. S’il vient d’une source sûre, ouvrez-le dans Excel ou LibreOffice, enregistrez-le à nouveau en .xlsx et réessayez",
			quoteFR(part), groupDigits(int64(ratio), "\u00a0"), limits.ratio),
		fmt.Sprintf("abnormally compressed workbook: part %s grows %s times when uncompressed, while a real workbook stays under %d times; this is a booby-trapped (zip bomb) or damaged file, it is not opened. If it comes from a trusted source, open it in Excel or LibreOffice, save it again as .xlsx and try again",
			quoteEN(part), groupDigits(int64(ratio), ","), limits.ratio))
}

func errTooManyStrings(path string) *Error {
	return newError(CodeTooLarge, path, nil,
		fmt.Sprintf("le classeur contient plus de %s textes distincts : c’est au-delà de ce que Carnet lit dans un classeur. Enregistrez les données au format CSV et importez le CSV, qui n’a pas de limite",
			groupDigits(int64(limits.sharedStrings), "\u00a0")),
		fmt.Sprintf("the workbook holds over %s distinct texts: that is beyond what Carnet reads from a workbook. Save the data as CSV and import the CSV, which has no such limit",
			groupDigits(int64(limits.sharedStrings), ",")))
}

func errStringsTooLarge(path string) *Error {
	return newError(CodeTooLarge, path, nil,
		"les textes du classeur font plus de "+mib(limits.sharedStringsBytes, "fr")+" une fois décompressés : c’est au-delà de ce que Carnet lit dans un classeur. Enregistrez les données au format CSV et importez le CSV, qui n’a pas de limite",
		"the workbook’s texts take over "+mib(limits.sharedStringsBytes, "en")+" once uncompressed: that is beyond what Carnet reads from a workbook. Save the data as CSV and import the CSV, which has no such limit")
}

func errImplausibleStrings(path string, strings, usable int) *Error {
	return newError(CodeTooLarge, path, nil,
		fmt.Sprintf("le classeur déclare %s textes partagés alors que ses feuilles ne peuvent pas en utiliser plus de %s : c’est un fichier piégé ou endommagé, il n’est pas ouvert. S’il vient d’une source sûre, ouvrez-le dans Excel ou LibreOffice, enregistrez-le à nouveau en .xlsx et réessayez",
			groupDigits(int64(strings), "\u00a0"), groupDigits(int64(usable), "\u00a0")),
		fmt.Sprintf("the workbook declares %s shared texts while its sheets cannot use more than %s: this is a booby-trapped or damaged file, it is not opened. If it comes from a trusted source, open it in Excel or LibreOffice, save it again as .xlsx and try again",
			groupDigits(int64(strings), ","), groupDigits(int64(usable), ",")))
}

// mib writes a size in MiB or GiB for a message.
func mib(n uint64, lang string) string {
	unit, v := " Mio", n>>20
	if n >= 1<<30 && n%(1<<30) == 0 {
		unit, v = " Gio", n>>30
	}
	if lang != "fr" {
		unit = strings.ReplaceAll(strings.ReplaceAll(unit, "Mio", "MiB"), "Gio", "GiB")
		return groupDigits(int64(v), ",") + unit
	}
	return groupDigits(int64(v), "\u00a0") + strings.Replace(unit, " ", "\u00a0", 1)
}

// zipStats is what checkZip learnt from the zip directory.
type zipStats struct {
	worksheetBytes uint64 // uncompressed size of the worksheets
}

// checkZip bounds, from the zip directory, what inflating the workbook can
// cost: the total uncompressed size, each part's size and compression
// ratio, and the size of the parts other than big sheets. The declared sizes are
// binding: Go's zip reader reads at most the declared compressed bytes of a
// part and fails on a part that inflates beyond its declared size.
func checkZip(path string, zr *zip.Reader) (zipStats, error) {
	var st zipStats
	var total, held uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		sheet := strings.HasPrefix(name, "xl/worksheets/sheet")
		sst := name == "xl/sharedstrings.xml"
		if strings.HasPrefix(name, "xl/worksheets/") {
			st.worksheetBytes += size
		}
		switch {
		case total > limits.unzip:
			return st, errTooLarge(path)
		case size > ratioFloor && size/max(1, zf.CompressedSize64) > limits.ratio:
			return st, errZipBomb(path, zf.Name, size/max(1, zf.CompressedSize64))
		case sst && size > limits.sharedStringsBytes:
			return st, errStringsTooLarge(path)
		}
		if (sheet || sst) && size > MaxXMLInMemory {
			continue // streamed from a temporary file
		}
		if size > limits.otherPart {
			return st, errPartTooLarge(path, zf.Name, size)
		}
		if held += size; held > limits.held {
			return st, errHeldTooLarge(path)
		}
	}
	return st, nil
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbookSheets struct {
	Pr struct {
		Date1904 bool `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		RID   string `xml:"id,attr"` // r:id; matched whatever the prefix
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
	wp.date1904 = wb.Pr.Date1904
	for _, s := range wb.Sheets {
		wp.order = append(wp.order, s.Name)
		wp.states = append(wp.states, s.State)
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
	d := xml.NewDecoder(io.LimitReader(rc, maxOtherPart))
	d.CharsetReader = charsetReader
	return d.Decode(v)
}

// charsetReader decodes a part written in the encoding its XML declaration
// names, as excelize does (Windows-1252, Latin-1…).
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, err
	}
	return e.NewDecoder().Reader(r), nil
}
