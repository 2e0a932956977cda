package sheet

import (
	"fmt"
	"path/filepath"
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
			fmt.Sprintf("la feuille %q ne contient aucune donnée : choisissez une autre feuille", sheet),
			fmt.Sprintf("sheet %q contains no data: choose another sheet", sheet))
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
	return newError(CodeSheetNotFound, path, nil,
		fmt.Sprintf("la feuille %q n’existe pas dans ce classeur : choisissez parmi %q", sheet, sheets),
		fmt.Sprintf("sheet %q does not exist in this workbook: choose one of %q", sheet, sheets))
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
	e := newError(CodeBadHeaderRow, path, nil,
		fr+" : choisissez la ligne qui contient les noms de colonnes",
		en+": choose the row that holds the column names")
	e.Line = row
	return e
}

func errBadOption(path, fr, en string) *Error {
	return newError(CodeBadOption, path, nil, fr, en)
}
