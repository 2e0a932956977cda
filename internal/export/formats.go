package export

import (
	"path/filepath"
	"strings"

	"carnet/internal/domain"
)

// formatForPath reads the format from a file's extension. A ".csv" is the
// UTF-8 CSV: the Windows-1252 one, the accounts and the mailing are CSV too
// and must be asked for by name.
func formatForPath(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return FormatXLSX, true
	case ".csv", ".txt":
		return FormatCSV, true
	case ".vcf", ".vcard":
		return FormatVCard, true
	case ".pdf":
		return FormatLabels, true
	}
	return "", false
}

func extension(f Format) string {
	switch f {
	case FormatXLSX:
		return ".xlsx"
	case FormatVCard:
		return ".vcf"
	case FormatLabels:
		return ".pdf"
	}
	return ".csv"
}

func formatLabel(f Format) domain.Message {
	switch f {
	case FormatXLSX:
		return domain.Message{FR: "Excel (.xlsx)", EN: "Excel (.xlsx)"}
	case FormatCSV:
		return domain.Message{FR: "CSV UTF-8", EN: "CSV UTF-8"}
	case FormatCSV1252:
		return domain.Message{FR: "CSV pour ancien Excel (; Windows-1252)", EN: "CSV for old Excel (; Windows-1252)"}
	case FormatAccounts:
		return domain.Message{FR: "Comptes pour la comptabilité (CSV)", EN: "Accounts for the accounting software (CSV)"}
	case FormatMailing:
		return domain.Message{FR: "Publipostage (CSV)", EN: "Mail merge (CSV)"}
	case FormatVCard:
		return domain.Message{FR: "Cartes de visite (vCard)", EN: "Contact cards (vCard)"}
	case FormatLabels:
		return domain.Message{FR: "Étiquettes d’adresse (PDF, 3 × 8)", EN: "Address labels (PDF, 3 × 8)"}
	}
	return domain.Message{FR: string(f), EN: string(f)}
}

// ParseFormat reads a format name as the command line gives it.
func ParseFormat(s string) (Format, bool) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, true
		}
	}
	return "", false
}

// IsMailing reports the formats that leave out who refused marketing.
func (f Format) IsMailing() bool {
	return f == FormatMailing || f == FormatVCard || f == FormatLabels
}
