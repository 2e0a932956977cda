package importer

import (
	"context"
	"io"

	"carnet/internal/domain"
	"carnet/internal/fieldparse"

	"github.com/xuri/excelize/v2"
)

// templateExample is the example row of the import template, by field: a
// valid company, so that importing the template as it is creates it.
var templateExample = map[string]string{
	"kind": "Personne morale", "civility": "Mme", "last_name": "Dupont", "first_name": "Marie",
	"company_name": "Boulangerie Dupont", "legal_form": "SARL", "siret": "73282932000074",
	"vat_number": "FR44732829320", "iban": "FR7630006000011234567890189", "email": "contact@boulangerie-dupont.fr",
	"phones": "04 78 12 34 56, 06 12 34 56 78", "website": "https://boulangerie-dupont.fr",
	"billing_line1": "12 rue de la République", "postcode": "69002", "city": "Lyon", "country": "FR",
	"account_number": "411DUPONT", "groups": "Boulangeries, Lyon", "supplier": "Non", "disappointed": "Non",
	"marketing_consent": "Oui", "discount_sales": "5", "payment_terms": "30 jours fin de mois", "payment_method": "Virement",
	"currency": "EUR", "language": "fr", "credit_limit": "1 500,00", "notes": "Livraison le matin.",
	"balance": "0",
}

// templateFields are the columns of the template: every field an import can
// fill, in the order of exports.
func templateFields() []domain.FieldDef {
	var out []domain.FieldDef
	for _, f := range domain.Fields {
		if !f.Computed || f.Key == "balance" {
			out = append(out, f)
		}
	}
	return out
}

// WriteTemplate writes the import template in lang ("fr" or "en"): a
// "Clients" sheet with the header row the importer recognises and one
// example row, and a "Lisez-moi" sheet describing every column.
func WriteTemplate(w io.Writer, lang string) error { return writeTemplate(w, lang, nil) }

// WriteTemplateFor writes the template of this customer file: the built-in
// columns, then one per active custom field, headed by its name (which the
// import matches) and described by its type in the "Lisez-moi" sheet.
func (im *Importer) WriteTemplateFor(ctx context.Context, w io.Writer, lang string) error {
	custom, err := im.svc.ActiveCustomFields(ctx)
	if err != nil {
		return err
	}
	return writeTemplate(w, lang, custom)
}

func writeTemplate(w io.Writer, lang string, custom []domain.CustomField) error {
	f := excelize.NewFile()
	defer f.Close()
	data := domain.Message{FR: "Clients", EN: "Customers"}.In(lang)
	readme := domain.Message{FR: "Lisez-moi", EN: "Read me"}.In(lang)
	if err := f.SetSheetName("Sheet1", data); err != nil {
		return err
	}
	if _, err := f.NewSheet(readme); err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": identifiers stay text
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	fields := templateFields()
	for i, fd := range fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(data, col+"1", fieldparse.Neutralise(fd.Label(lang))); err != nil {
			return err
		}
		if err := f.SetColStyle(data, col, text); err != nil {
			return err
		}
		if err := f.SetCellStr(data, col+"2", fieldparse.Neutralise(templateExample[fd.Key])); err != nil {
			return err
		}
	}
	for i, cf := range custom {
		col, _ := excelize.ColumnNumberToName(len(fields) + i + 1)
		if err := f.SetCellStr(data, col+"1", fieldparse.Neutralise(cf.Name)); err != nil {
			return err
		}
		if err := f.SetColStyle(data, col, text); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(fields) + len(custom))
	if err := f.SetCellStyle(data, "A1", last+"1", bold); err != nil {
		return err
	}
	return writeReadme(f, readme, fields, custom, lang, bold, w)
}

func writeReadme(f *excelize.File, sheet string, fields []domain.FieldDef, custom []domain.CustomField, lang string, bold int, w io.Writer) error {
	yes, no := domain.Message{FR: "Oui", EN: "Yes"}.In(lang), domain.Message{FR: "Non", EN: "No"}.In(lang)
	rows := [][]string{{
		domain.Message{FR: "Colonne", EN: "Column"}.In(lang),
		domain.Message{FR: "Obligatoire", EN: "Required"}.In(lang),
		domain.Message{FR: "Format, valeurs permises, limites", EN: "Format, allowed values, limits"}.In(lang),
		domain.Message{FR: "Clé (ligne de commande)", EN: "Key (command line)"}.In(lang),
	}}
	for _, fd := range fields {
		req := no
		if fd.Required {
			req = yes
		}
		format := domain.Message{FR: fd.FormatFR, EN: fd.FormatEN}.In(lang)
		if fd.Protected {
			format += domain.Message{FR: " Champ protégé à l’import.", EN: " Protected on import."}.In(lang)
		}
		rows = append(rows, []string{fd.Label(lang), req, format, fd.Key})
	}
	for _, cf := range custom {
		rows = append(rows, []string{cf.Name, no, domain.Message{FR: "Champ personnalisé. ", EN: "Custom field. "}.In(lang) +
			cf.Format().In(lang), cf.Key()})
	}
	rows = append(rows, []string{}, []string{domain.Message{
		FR: "Colonnes supplémentaires : ajoutez une colonne à la fin portant le nom d’un champ personnalisé.",
		EN: "Extra columns: add a column at the end named after a custom field."}.In(lang)})
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(sheet, cell, fieldparse.Neutralise(v)); err != nil {
				return err
			}
		}
	}
	if err := f.SetCellStyle(sheet, "A1", "D1", bold); err != nil {
		return err
	}
	_ = f.SetColWidth(sheet, "A", "A", 34)
	_ = f.SetColWidth(sheet, "C", "C", 90)
	return f.Write(w)
}
