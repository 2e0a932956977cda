package export

import (
	"context"
	"errors"
	"io"
	"time"

	"carnet/internal/atomicfile"
	"carnet/internal/domain"
)

// progressEvery is how many customers pass between two progress reports
// and two looks at the cancel.
const progressEvery = 1000

// errUnknownFormat refuses a format the package does not write.
var errUnknownFormat = errors.New("unknown export format")

func (ex *Exporter) export(ctx context.Context, path string, req Request) (Result, error) {
	start := time.Now()
	res := Result{File: path, Format: req.Format}
	if req.Lang == "" {
		req.Lang = "fr"
	}
	q := req.Query
	q.Offset, q.Limit = 0, 0
	total, err := ex.svc.Count(ctx, q)
	if err != nil {
		return res, err
	}
	open, err := ex.opener(ctx, req)
	if err != nil {
		return res, err
	}
	skipped := map[string]int{}
	err = atomicfile.Write(path, func(w io.Writer) error {
		out, err := open(w)
		if err != nil {
			return err
		}
		done := 0
		walkErr := ex.svc.EachCustomer(ctx, q, func(c *domain.Customer) error {
			done++
			if done%progressEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if req.OnProgress != nil {
					req.OnProgress(done, total)
				}
			}
			if req.Format.IsMailing() && !req.IncludeRefused && c.MarketingConsent == domain.ConsentNo {
				skipped[SkipRefused]++
				return nil
			}
			skip, err := out.Write(c)
			if err != nil {
				return err
			}
			if skip != "" {
				skipped[skip]++
			} else {
				res.Written++
			}
			return nil
		})
		if walkErr != nil {
			if closer, ok := out.(interface{ abort() }); ok {
				closer.abort()
			}
			return walkErr
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if req.OnProgress != nil {
			req.OnProgress(done, total)
		}
		return out.Close()
	})
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr // the echo of a cancel is the cancel
		}
		return Result{File: path, Format: req.Format}, err
	}
	for _, reason := range []string{SkipRefused, SkipNoEmail, SkipNoAddress, SkipNoContact} {
		if n := skipped[reason]; n > 0 {
			res.Skipped = append(res.Skipped, Skip{Reason: reason, Message: skipMessage(reason), Count: n})
		}
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// opener returns what starts req's file on a writer, once the settings and
// custom fields it needs are read.
func (ex *Exporter) opener(ctx context.Context, req Request) (func(io.Writer) (sink, error), error) {
	lang := req.Lang
	switch req.Format {
	case FormatXLSX, FormatCSV, FormatCSV1252:
		custom, err := ex.svc.ActiveCustomFields(ctx)
		if err != nil {
			return nil, err
		}
		cols := spreadsheetColumns(lang, custom)
		switch req.Format {
		case FormatXLSX:
			return func(w io.Writer) (sink, error) { return newXLSXSink(w, cols, lang) }, nil
		case FormatCSV:
			return func(w io.Writer) (sink, error) { return newCSVSink(w, cols, lang, false) }, nil
		}
		return func(w io.Writer) (sink, error) { return newCSVSink(w, cols, lang, true) }, nil
	case FormatAccounts:
		settings, err := ex.svc.Settings(ctx)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) (sink, error) { return newAccountsSink(w, settings.SundryAccount, lang) }, nil
	case FormatMailing:
		return func(w io.Writer) (sink, error) { return newMailingCSV(w, lang), nil }, nil
	case FormatVCard:
		return func(w io.Writer) (sink, error) { return newVCard(w, lang), nil }, nil
	case FormatLabels:
		return func(w io.Writer) (sink, error) { return newLabels(w, lang), nil }, nil
	}
	return nil, errUnknownFormat
}

// skipMessage says, for the result, why customers were left out.
func skipMessage(reason string) domain.Message {
	switch reason {
	case SkipRefused:
		return domain.Message{FR: "refus de la prospection", EN: "refused marketing"}
	case SkipNoEmail:
		return domain.Message{FR: "sans e-mail", EN: "without an email"}
	case SkipNoAddress:
		return domain.Message{FR: "sans adresse postale", EN: "without a postal address"}
	case SkipNoContact:
		return domain.Message{FR: "sans e-mail ni adresse postale", EN: "with neither email nor postal address"}
	}
	return domain.Message{FR: reason, EN: reason}
}
