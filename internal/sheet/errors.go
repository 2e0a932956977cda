package sheet

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error codes carried by *Error. They are stable: the GUI, the CLI's JSON
// output and the tests compare them.
const (
	CodeOpenFailed     = "open_failed"      // the file cannot be opened (missing, permissions)
	CodeReadFailed     = "read_failed"      // an I/O error while reading
	CodeEmptyFile      = "empty_file"       // zero bytes
	CodeNoData         = "no_data"          // the file or sheet has no non-empty row
	CodeXLS            = "xls"              // Excel 97-2003 binary workbook
	CodeXLSB           = "xlsb"             // Excel binary workbook (.xlsb)
	CodeODS            = "ods"              // OpenDocument spreadsheet
	CodeEncrypted      = "encrypted"        // password-protected workbook
	CodeDamaged        = "damaged"          // broken zip or unreadable workbook parts
	CodeNoWorksheet    = "no_worksheet"     // workbook without any readable worksheet
	CodeSheetNotFound  = "sheet_not_found"  // Options.Sheet names no sheet of the workbook
	CodeUnsupported    = "unsupported"      // not a spreadsheet at all (PDF, image, Word…)
	CodeCellTooLarge   = "cell_too_large"   // one cell is larger than MaxCellBytes
	CodeRowTooLarge    = "row_too_large"    // one row is larger than MaxRowBytes
	CodeTooManyColumns = "too_many_columns" // one row has more than MaxColumns cells
	CodeBadHeaderRow   = "bad_header_row"   // Options.HeaderRow is blank or past the end
	CodeBadOption      = "bad_option"       // unknown encoding or delimiter in Options
	CodeTooLarge       = "too_large"        // workbook that uncompresses beyond the limits (zip bomb)
	CodeIsDirectory    = "is_directory"     // the path is a folder
	CodeCanceled       = "canceled"         // the context was cancelled (the user pressed Cancel or Ctrl-C)
)

// HeaderRowHintFR and HeaderRowHintEN tell the user how to choose the header
// row by hand, on both surfaces. They end every message about a header that
// cannot be used; callers that refuse a header for their own reasons (no
// column could be mapped) should end their message with them too.
const (
	HeaderRowHintFR = "choisissez la ligne qui contient les noms de colonnes avec l’option --header-row en ligne de commande, ou le choix « Ligne d’en-tête » de l’étape Lecture"
	HeaderRowHintEN = "choose the row that holds the column names with the --header-row option on the command line, or the \"Header row\" choice at the Reading step"
)

// Error is what every failure of this package looks like to a caller: a
// stable code, where it happened, and a message for the user in French and in
// English that says what the file is and what to do.
type Error struct {
	Code   string
	Path   string
	Line   int // 1-based row (record) number, 0 when not about a row
	Column int // 1-based column number, 0 when not about a cell
	FR, EN string
	Err    error // underlying cause, if any
}

// Error returns the English message, prefixed by the file name and position.
func (e *Error) Error() string { return e.Message("en") }

// Unwrap gives access to the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Message returns the message in lang ("fr" or "en"; anything else is
// English), prefixed by the file name and the row/column when known.
func (e *Error) Message(lang string) string {
	msg, row, col := e.EN, "row", "column"
	if lang == "fr" {
		msg, row, col = e.FR, "ligne", "colonne"
	}
	prefix := ""
	if e.Path != "" {
		prefix = filepath.Base(e.Path) + ": "
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		prefix += fmt.Sprintf("%s %d, %s %d: ", row, e.Line, col, e.Column)
	case e.Line > 0:
		prefix += fmt.Sprintf("%s %d: ", row, e.Line)
	}
	return prefix + msg
}

// newError builds an *Error; the messages are given in both languages.
func newError(code, path string, cause error, fr, en string) *Error {
	return &Error{Code: code, Path: path, FR: fr, EN: en, Err: cause}
}

func errOpen(path string, cause error) *Error {
	return newError(CodeOpenFailed, path, cause,
		"impossible d’ouvrir le fichier ("+cause.Error()+") : vérifiez qu’il existe et qu’il n’est pas ouvert ailleurs",
		"cannot open the file ("+cause.Error()+"): check that it exists and is not locked by another program")
}

func errRead(path string, line int, cause error) *Error {
	e := newError(CodeReadFailed, path, cause,
		"erreur de lecture du fichier ("+cause.Error()+") : copiez-le sur le disque local et réessayez",
		"error while reading the file ("+cause.Error()+"): copy it to a local disk and try again")
	e.Line = line
	return e
}

func errEmptyFile(path string) *Error {
	return newError(CodeEmptyFile, path, nil,
		"le fichier est vide (0 octet) : choisissez le bon fichier ou enregistrez-le à nouveau depuis votre tableur",
		"the file is empty (0 bytes): pick the right file or save it again from your spreadsheet program")
}

func errNoData(path, sheet string) *Error {
	if sheet != "" {
		return newError(CodeNoData, path, nil,
			"la feuille "+quoteFR(sheet)+" ne contient aucune donnée : choisissez une autre feuille",
			"sheet "+quoteEN(sheet)+" contains no data: choose another sheet")
	}
	return newError(CodeNoData, path, nil,
		"le fichier ne contient aucune ligne de données : vérifiez que c’est le bon fichier",
		"the file contains no data row: check that this is the right file")
}

func errXLS(path string) *Error {
	return newError(CodeXLS, path, nil,
		"classeur Excel 97-2003 (.xls) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx, puis importez le fichier .xlsx",
		"Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice, save it as .xlsx, then import the .xlsx file")
}

func errXLSB(path string) *Error {
	return newError(CodeXLSB, path, nil,
		"classeur binaire Excel (.xlsb) : ouvrez-le dans Excel et enregistrez-le au format .xlsx, puis importez le fichier .xlsx",
		"Excel binary workbook (.xlsb): open it in Excel, save it as .xlsx, then import the .xlsx file")
}

func errODS(path string) *Error {
	return newError(CodeODS, path, nil,
		"classeur OpenDocument (.ods) : ouvrez-le dans LibreOffice Calc et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Excel 2007-365), puis importez le fichier .xlsx",
		"OpenDocument spreadsheet (.ods): open it in LibreOffice Calc, save it as .xlsx (File › Save As › Excel 2007-365), then import the .xlsx file")
}

func errEncrypted(path string) *Error {
	return newError(CodeEncrypted, path, nil,
		"classeur protégé par mot de passe : ouvrez-le dans Excel, enlevez le mot de passe (Fichier › Informations › Protéger le classeur) puis enregistrez en .xlsx",
		"password-protected workbook: open it in Excel, remove the password (File › Info › Protect Workbook), then save it as .xlsx")
}

func errDamaged(path string, cause error) *Error {
	return newError(CodeDamaged, path, cause,
		"classeur endommagé ou incomplet : ouvrez-le dans Excel ou LibreOffice (qui proposera de le réparer) et enregistrez-le à nouveau en .xlsx",
		"damaged or incomplete workbook: open it in Excel or LibreOffice (which will offer to repair it) and save it again as .xlsx")
}

func errNoWorksheet(path string) *Error {
	return newError(CodeNoWorksheet, path, nil,
		"le classeur ne contient aucune feuille de calcul lisible : ouvrez-le dans Excel, vérifiez qu’une feuille contient vos données et enregistrez-le à nouveau en .xlsx",
		"the workbook contains no readable worksheet: open it in Excel, check that a sheet holds your data, and save it again as .xlsx")
}

func errSheetNotFound(path, sheet string, sheets []string) *Error {
	var fr, en []string
	for i, s := range sheets {
		if i == 20 {
			fr = append(fr, fmt.Sprintf("et %d autres", len(sheets)-i))
			en = append(en, fmt.Sprintf("and %d more", len(sheets)-i))
			break
		}
		fr, en = append(fr, quoteFR(s)), append(en, quoteEN(s))
	}
	return newError(CodeSheetNotFound, path, nil,
		"la feuille "+quoteFR(sheet)+" n’existe pas dans ce classeur : choisissez parmi "+strings.Join(fr, ", "),
		"sheet "+quoteEN(sheet)+" does not exist in this workbook: choose one of "+strings.Join(en, ", "))
}

func errUnsupported(path, whatFR, whatEN string) *Error {
	return newError(CodeUnsupported, path, nil,
		whatFR+" : ce n’est pas un tableur. Importez un fichier .csv, .txt ou .xlsx",
		whatEN+": this is not a spreadsheet. Import a .csv, .txt or .xlsx file")
}

func errCellTooLarge(path string, line, col int) *Error {
	e := newError(CodeCellTooLarge, path, nil,
		fmt.Sprintf("cellule de plus de %d Mio : le fichier est probablement mal formé (guillemet ouvrant jamais refermé ?) ; ouvrez-le dans un tableur pour le vérifier", MaxCellBytes>>20),
		fmt.Sprintf("cell larger than %d MiB: the file is probably malformed (an opening quote never closed?); open it in a spreadsheet program to check it", MaxCellBytes>>20))
	e.Line, e.Column = line, col
	return e
}

func errRowTooLarge(path string, line int) *Error {
	e := newError(CodeRowTooLarge, path, nil,
		fmt.Sprintf("ligne de plus de %d Mio : le fichier est probablement mal formé ; ouvrez-le dans un tableur pour le vérifier", MaxRowBytes>>20),
		fmt.Sprintf("row larger than %d MiB: the file is probably malformed; open it in a spreadsheet program to check it", MaxRowBytes>>20))
	e.Line = line
	return e
}

func errTooManyColumns(path string, line int) *Error {
	e := newError(CodeTooManyColumns, path, nil,
		fmt.Sprintf("plus de %d colonnes sur une ligne : vérifiez le séparateur choisi ou le fichier", MaxColumns),
		fmt.Sprintf("more than %d columns in one row: check the chosen separator or the file", MaxColumns))
	e.Line = line
	return e
}

func errBadHeaderRow(path string, row int, why string) *Error {
	fr, en := "la ligne d’en-tête est vide", "the header row is blank"
	if why == "past_end" {
		fr, en = "la ligne d’en-tête est au-delà de la fin du fichier", "the header row is past the end of the file"
	}
	e := newError(CodeBadHeaderRow, path, nil, fr+" : "+HeaderRowHintFR, en+": "+HeaderRowHintEN)
	e.Line = row
	return e
}

func errBadOption(path, fr, en string) *Error {
	return newError(CodeBadOption, path, nil, fr, en)
}

func errIsDirectory(path string) *Error {
	name := quoteFR(filepath.Base(path))
	return newError(CodeIsDirectory, "", nil,
		name+" est un dossier, pas un fichier : ouvrez-le et choisissez le fichier .csv, .txt ou .xlsx à importer",
		quoteEN(filepath.Base(path))+" is a folder, not a file: open it and choose the .csv, .txt or .xlsx file to import")
}

// errCanceled is the error of a read stopped by its context. It wraps the
// context's error, so errors.Is(err, context.Canceled) holds.
func errCanceled(path string, cause error) *Error {
	return newError(CodeCanceled, path, cause,
		"lecture du fichier annulée",
		"reading of the file cancelled")
}

// errMissingSharedStrings: cells refer to the shared strings table (where
// Excel keeps the text of cells) but the workbook has none, or fewer
// entries than the cells refer to. Excelize would read those cells as
// empty, silently.
func errMissingSharedStrings(path, sheet string, missing bool) *Error {
	fr, en := "la liste des textes partagés (xl/sharedStrings.xml) manque", "its list of shared texts (xl/sharedStrings.xml) is missing"
	if !missing {
		fr, en = "des cellules renvoient au-delà de la liste des textes partagés (xl/sharedStrings.xml)", "cells refer beyond its list of shared texts (xl/sharedStrings.xml)"
	}
	return newError(CodeDamaged, path, nil,
		"classeur endommagé : "+fr+", alors que des cellules de la feuille "+quoteFR(sheet)+" y prennent leur texte, qui serait perdu. Ouvrez-le dans Excel ou LibreOffice (qui proposera de le réparer) et enregistrez-le à nouveau en .xlsx",
		"damaged workbook: "+en+", while cells of sheet "+quoteEN(sheet)+" take their text from it, which would be lost. Open it in Excel or LibreOffice (which will offer to repair it) and save it again as .xlsx")
}

// maxQuoted is the number of characters of a name or value quoted in a
// message; a longer one is cut and its length given.
const maxQuoted = 60

// quoteFR and quoteEN quote a value from the file (a sheet name, a column
// name, a cell) for a message: « valeur » in French, "value" in English;
// control characters shown as their visible symbol, long values cut with
// their length ("« début… » (1 048 576 caractères)").
func quoteFR(s string) string {
	v, n, cut := shorten(s)
	q := "«\u00a0" + v + "\u00a0»"
	if cut {
		q += " (" + groupDigits(int64(n), "\u00a0") + "\u00a0caractères)"
	}
	return q
}

func quoteEN(s string) string {
	v, n, cut := shorten(s)
	q := "\"" + v + "\""
	if cut {
		q += " (" + groupDigits(int64(n), ",") + " characters)"
	}
	return q
}

func shorten(s string) (v string, n int, cut bool) {
	var b strings.Builder
	for _, r := range s {
		n++
		switch {
		case n > maxQuoted:
			cut = true
			continue
		case r < 0x20:
			r += 0x2400
		case r == 0x7f, (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			r = '\uFFFD'
		case !utf8.ValidRune(r):
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	v = b.String()
	if cut {
		v += "…"
	}
	return v, n, cut
}

// groupDigits writes n with sep between groups of three digits.
func groupDigits(n int64, sep string) string {
	d := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// WarnEncodingRepaired is the code of a Warning about a cell that was not
// valid UTF-8 in a file read as UTF-8, and was read as Windows-1252.
const WarnEncodingRepaired = "encoding_repaired"

func repairWarning(line, cell, column int, value, header string) Warning {
	whereFR := fmt.Sprintf("ligne %d, colonne %d", line, column)
	whereEN := fmt.Sprintf("row %d, column %d", line, column)
	if header != "" {
		whereFR += " (" + quoteFR(header) + ")"
		whereEN += " (" + quoteEN(header) + ")"
	} else {
		whereFR += " (hors du tableau)"
		whereEN += " (outside the table)"
	}
	return Warning{Code: WarnEncodingRepaired, Line: line, Cell: cell, Column: column, Value: value,
		FR: whereFR + " : la cellule n’était pas en UTF-8 comme le reste du fichier ; elle a été lue en Windows-1252, ce qui donne " + quoteFR(value) +
			". Vérifiez ses accents ; pour ne plus avoir cet avertissement, enregistrez le fichier au format CSV UTF-8.",
		EN: whereEN + ": the cell was not UTF-8 like the rest of the file; it was read as Windows-1252, which gives " + quoteEN(value) +
			". Check its accents; to stop this warning, save the file as CSV UTF-8."}
}

func headerRepairWarning(line, cell, column int, value string) Warning {
	return Warning{Code: WarnEncodingRepaired, Line: line, Cell: cell, Column: column, Value: value,
		FR: fmt.Sprintf("ligne %d, colonne %d (en-tête) : ", line, column) +
			"le nom de colonne n’était pas en UTF-8 comme le reste du fichier ; il a été lu en Windows-1252, ce qui donne " + quoteFR(value) +
			". Vérifiez-le ; pour ne plus avoir cet avertissement, enregistrez le fichier au format CSV UTF-8.",
		EN: fmt.Sprintf("row %d, column %d (header): ", line, column) +
			"the column name was not UTF-8 like the rest of the file; it was read as Windows-1252, which gives " + quoteEN(value) +
			". Check it; to stop this warning, save the file as CSV UTF-8."}
}
