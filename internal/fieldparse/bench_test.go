package fieldparse

import "testing"

// Benchmarks run over a small mix of realistic cells; ns/op is per cell.

func benchCells(b *testing.B, cells []string, fn func(string)) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		fn(cells[i%len(cells)])
	}
}

func BenchmarkMoney(b *testing.B) {
	b.Run("french", func(b *testing.B) {
		benchCells(b, []string{"1 234,56", "12,00\u00a0€", "-150,00", "(150,00)", "0", "1\u202f234\u202f567,89"},
			func(s string) { Money(s) })
	})
	b.Run("xlsx", func(b *testing.B) {
		benchCells(b, []string{"1234.56", "12.5", "0.300000000000004", "-42"}, func(s string) { Money(s) })
	})
	b.Run("warning", func(b *testing.B) {
		benchCells(b, []string{"1.234,56", "12,345"}, func(s string) { Money(s) })
	})
}

func BenchmarkDate(b *testing.B) {
	b.Run("ddmmyyyy", func(b *testing.B) {
		benchCells(b, []string{"31/12/2012", "5/6/2012", "01.02.2003", "14-08-2019"}, func(s string) { Date(s, DateOptions{}) })
	})
	b.Run("iso", func(b *testing.B) {
		benchCells(b, []string{"2012-12-31", "2012-12-31 15:53:07", "2012-12-31T15:53:07Z"}, func(s string) { Date(s, DateOptions{}) })
	})
	b.Run("serial", func(b *testing.B) {
		benchCells(b, []string{"45292", "40801.640277777777"}, func(s string) { Date(s, DateOptions{AllowSerial: true}) })
	})
	b.Run("month_name", func(b *testing.B) {
		benchCells(b, []string{"5 juin 2012", "14 févr. 2021", "June 5, 2012"}, func(s string) { Date(s, DateOptions{}) })
	})
}

func BenchmarkEmail(b *testing.B) {
	b.Run("lower", func(b *testing.B) {
		benchCells(b, []string{"jean.dupont@orange.fr", "contact@sarl-martin.fr", " marie_l@free.fr "}, func(s string) { Email(s) })
	})
	b.Run("mixed_case", func(b *testing.B) {
		benchCells(b, []string{"Jean.Dupont@Orange.fr", "Peter.Pan@prestashop.com"}, func(s string) { Email(s) })
	})
	b.Run("slow_path", func(b *testing.B) {
		benchCells(b, []string{"Jean Dupont <jean@x.fr>", "jérôme@exemple.fr", "a@x.fr; b@y.fr"}, func(s string) { Email(s) })
	})
}

func BenchmarkFold(b *testing.B) {
	b.Run("ascii_folded", func(b *testing.B) {
		benchCells(b, []string{"code postal", "raison sociale", "email"}, func(s string) { Fold(s) })
	})
	b.Run("ascii_upper", func(b *testing.B) {
		benchCells(b, []string{"Code Postal", "RAISON SOCIALE", " E-mail "}, func(s string) { Fold(s) })
	})
	b.Run("accented", func(b *testing.B) {
		benchCells(b, []string{"Prénom", "Civilité", "N° TVA intracommunautaire", "Cœur de Lyon"}, func(s string) { Fold(s) })
	})
}

func BenchmarkOthers(b *testing.B) {
	b.Run("Identifier", func(b *testing.B) {
		benchCells(b, []string{"'0612345678", "73282932000074", "CLI-0042"}, func(s string) { Identifier(s) })
	})
	b.Run("FrenchPostcode", func(b *testing.B) {
		benchCells(b, []string{"75001", "'01000", "13008"}, func(s string) { FrenchPostcode(s, "FR") })
	})
	b.Run("Bool", func(b *testing.B) {
		benchCells(b, []string{"Oui", "non", "1", "X"}, func(s string) { Bool(s) })
	})
	b.Run("Percent", func(b *testing.B) {
		benchCells(b, []string{"10", "12,5 %", "0"}, func(s string) { Percent(s) })
	})
	b.Run("Text", func(b *testing.B) {
		benchCells(b, []string{" Jean-Pierre ", "12 rue de la Paix", "Société Générale"}, func(s string) { Text(s, 255) })
	})
}
