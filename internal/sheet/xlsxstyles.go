package sheet

import (
	"errors"
	"io"
)

// xmlStyles is what the style sheet (xl/styles.xml) says about number
// formats: the custom codes, and the number format of each cell style.
type xmlStyles struct {
	NumFmts struct {
		NumFmt []struct {
			ID     int    `xml:"numFmtId,attr"`
			Code   string `xml:"formatCode,attr"`
			Code16 string `xml:"formatCode16,attr"`
		} `xml:"numFmt"`
	} `xml:"numFmts"`
	CellXfs *struct {
		Xf []struct {
			NumFmtID *int `xml:"numFmtId,attr"`
		} `xml:"xf"`
	} `xml:"cellXfs"`
}

// stylesPart is where excelize reads the style sheet from.
const stylesPart = "xl/styles.xml"

// readCellFormats reads the style sheet and returns the format of each
// cell style (the s attribute of a cell indexes it); nil when the workbook
// has none, and then every number reads as stored. A style sheet that is
// not well-formed fails, as it fails excelize.
func readCellFormats(wp workbookParts) ([]*cellFormat, error) {
	if _, ok := wp.files[stylesPart]; !ok {
		return nil, nil
	}
	var st xmlStyles
	if err := wp.decode(stylesPart, &st); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty part: no styles, as for excelize
		}
		return nil, err
	}
	if st.CellXfs == nil {
		return nil, nil
	}
	custom := map[int]string{}
	for _, nf := range st.NumFmts.NumFmt {
		code := nf.Code
		if nf.Code16 != "" {
			code = nf.Code16
		}
		custom[nf.ID] = code
	}
	compiled := map[string]*cellFormat{}
	formats := make([]*cellFormat, len(st.CellXfs.Xf))
	for i, xf := range st.CellXfs.Xf {
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		code, ok := custom[id]
		if !ok {
			code, ok = builtinNumFmts[id]
		}
		canon := ""
		if ok {
			canon = canonicalNumFmt(code)
			switch canon {
			case isoDate, isoDateTime, isoTime, isoDuration:
				canon = dateMarkerFormat(canon) // see dates.go
			}
		}
		cf, ok := compiled[canon]
		if !ok {
			cf = compileFormat(canon)
			compiled[canon] = cf
		}
		formats[i] = cf
	}
	return formats, nil
}
