package domain

import "strings"

// FieldType says how a cell or a form entry is read into a field.
type FieldType string

const (
	TypeText       FieldType = "text"
	TypeIdentifier FieldType = "identifier" // kept as text: leading zeros matter
	TypeEmail      FieldType = "email"
	TypePhones     FieldType = "phones" // several, comma-separated in a cell
	TypePhone      FieldType = "phone"
	TypeMoney      FieldType = "money"   // integer cents
	TypePercent    FieldType = "percent" // hundredths of a percent, 0–100 %
	TypeBool       FieldType = "bool"
	TypeDate       FieldType = "date"
	TypeKind       FieldType = "kind"
	TypeGroups     FieldType = "groups" // comma-separated names
	TypePostcode   FieldType = "postcode"
	TypeCountry    FieldType = "country"
	TypeSIRET      FieldType = "siret"
	TypeVAT        FieldType = "vat"
	TypeIBAN       FieldType = "iban"
	TypeID         FieldType = "id"
	TypeConsent    FieldType = "consent" // yes, no or not asked
	TypeInteger    FieldType = "integer" // a whole number (days)
	TypeDay        FieldType = "day"     // a calendar date, stored YYYY-MM-DD
)

// FieldDef describes one customer field once, for the form, the importer's
// mapping and template, the exports and the command line's JSON.
type FieldDef struct {
	Key      string // stable snake_case key, also the JSON name
	FR, EN   string // labels
	Type     FieldType
	Required bool // required on creation (name: one of the name fields)
	// Protected fields are managed in the app and kept from import overwrite
	// by default (seed 003).
	Protected bool
	// Synonyms are extra header spellings the importer recognises (folded:
	// lower-case, no accents); labels and key are recognised anyway.
	Synonyms []string
	// FormatFR/EN explain the expected cell format in the import template.
	FormatFR, FormatEN string
	// Computed fields are exported but cannot be set by an import (except the
	// balance, which an import turns into an adjustment entry).
	Computed bool
	// Site fields are kept per site (Customer.Site); the others are shared
	// by every site the customer is on.
	Site bool
}

// Label returns the field's label in lang.
func (f FieldDef) Label(lang string) string { return Message{FR: f.FR, EN: f.EN}.In(lang) }

// Fields lists every customer field in the order of exports and templates.
var Fields = []FieldDef{
	{Key: "id", FR: "ID client", EN: "Customer ID", Type: TypeID, Synonyms: []string{"id", "identifiant", "customer id", "id client", "entity id", "_entity_id"},
		FormatFR: "Nombre attribué par Carnet. Laissez vide pour un nouveau client ; ne le modifiez jamais.", FormatEN: "Number assigned by Carnet. Leave empty for a new customer; never change it."},
	{Key: "code", FR: "Code client", EN: "Customer code", Type: TypeIdentifier, Synonyms: []string{"code", "code tiers", "ref client", "numero client", "n client", "no client", "customer number", "account code", "client code"},
		FormatFR: "Texte, unique. Vide : attribué selon la règle de numérotation.", FormatEN: "Text, unique. Empty: assigned by the numbering rule."},
	{Key: "kind", FR: "Type", EN: "Kind", Type: TypeKind, Synonyms: []string{"type", "type de client", "personne", "entreprise", "societe", "is company", "company type", "customer type"},
		FormatFR: "« Personne physique » ou « Personne morale » (ou Oui pour une entreprise).", FormatEN: "\"Individual\" or \"Company\" (or Yes for a company)."},
	{Key: "civility", FR: "Civilité", EN: "Title", Type: TypeText, Synonyms: []string{"civilite", "titre", "title", "salutation", "social title", "prefix"},
		FormatFR: "M., Mme, Mlle, Dr, Me…", FormatEN: "M., Mme, Mlle, Dr, Me…"},
	{Key: "last_name", FR: "Nom", EN: "Last name", Type: TypeText, Required: true, Synonyms: []string{"nom", "nom de famille", "lastname", "last name", "surname", "family name", "name", "last", "billing last name", "billing_last_name"},
		FormatFR: "Texte, 200 caractères au plus. Obligatoire (ou la raison sociale).", FormatEN: "Text, at most 200 characters. Required (or the company name)."},
	{Key: "first_name", FR: "Prénom", EN: "First name", Type: TypeText, Synonyms: []string{"prenom", "firstname", "first name", "given name", "first", "billing first name", "billing_first_name"},
		FormatFR: "Texte.", FormatEN: "Text."},
	{Key: "company_name", FR: "Raison sociale", EN: "Company name", Type: TypeText, Synonyms: []string{"raison sociale", "societe", "entreprise", "company", "company name", "denomination", "organisation", "organization", "billing company", "billing_company", "default address company"},
		FormatFR: "Texte. Obligatoire pour une personne morale.", FormatEN: "Text. Required for a company."},
	{Key: "legal_form", FR: "Forme juridique", EN: "Legal form", Type: TypeText, Synonyms: []string{"forme juridique", "legal form", "statut juridique"},
		FormatFR: "SARL, SAS, EURL…", FormatEN: "SARL, SAS, EURL…"},
	{Key: "siret", FR: "SIRET", EN: "SIRET", Type: TypeSIRET, Synonyms: []string{"siret", "siren", "n siret", "numero siret", "idprof1", "idprof2", "siren siret", "company id", "registration number"},
		FormatFR: "SIREN (9 chiffres) ou SIRET (14 chiffres), en texte.", FormatEN: "SIREN (9 digits) or SIRET (14 digits), as text."},
	{Key: "vat_number", FR: "N° TVA intracommunautaire", EN: "EU VAT number", Type: TypeVAT, Synonyms: []string{"tva", "n tva", "numero tva", "tva intracom", "tva intracommunautaire", "vat", "vat number", "vat id", "tax id", "vatintrashort", "tva intra", "taxvat"},
		FormatFR: "FR + clé + SIREN, par exemple FR44732829320.", FormatEN: "Country code + number, e.g. FR44732829320."},
	{Key: "iban", FR: "IBAN", EN: "IBAN", Type: TypeIBAN, Synonyms: []string{"iban", "rib", "compte bancaire", "bank account"},
		FormatFR: "IBAN complet (27 caractères pour la France).", FormatEN: "Full IBAN (27 characters for France)."},
	{Key: "email", FR: "E-mail", EN: "Email", Type: TypeEmail, Synonyms: []string{"email", "e-mail", "mail", "courriel", "adresse mail", "adresse email", "adresse e-mail", "email address", "customer email", "customer_email", "billing email", "billing_email"},
		FormatFR: "Une seule adresse.", FormatEN: "One address only."},
	{Key: "phones", FR: "Téléphones", EN: "Phones", Type: TypePhones, Synonyms: []string{"telephone", "tel", "telephones", "portable", "mobile", "gsm", "phone", "phones", "phone number", "numero de telephone", "tel portable", "tel fixe", "billing phone", "billing_phone", "default address phone", "phone_mobile"},
		FormatFR: "Un ou plusieurs numéros séparés par des virgules ; format français ou international (+33…).", FormatEN: "One or more numbers separated by commas; French or international format (+33…)."},
	{Key: "fax", FR: "Fax", EN: "Fax", Type: TypePhone, Synonyms: []string{"fax", "telecopie"},
		FormatFR: "Numéro de téléphone.", FormatEN: "Phone number."},
	{Key: "website", FR: "Site web", EN: "Website", Type: TypeText, Synonyms: []string{"site", "site web", "site internet", "web", "website", "url"},
		FormatFR: "Adresse du site.", FormatEN: "Site address."},
	{Key: "billing_line1", FR: "Adresse", EN: "Address", Type: TypeText, Synonyms: []string{"adresse", "adresse 1", "rue", "address", "address1", "address 1", "street", "billing address 1", "billing_address_1", "default address address1", "adresse de facturation"},
		FormatFR: "Numéro et rue.", FormatEN: "Number and street."},
	{Key: "billing_line2", FR: "Complément d’adresse", EN: "Address line 2", Type: TypeText, Synonyms: []string{"adresse 2", "complement", "complement d adresse", "address2", "address 2", "street 2", "billing address 2", "billing_address_2", "default address address2"},
		FormatFR: "Bâtiment, étage, lieu-dit…", FormatEN: "Building, floor…"},
	{Key: "postcode", FR: "Code postal", EN: "Postcode", Type: TypePostcode, Synonyms: []string{"cp", "code postal", "postcode", "post code", "zip", "zip code", "zipcode", "postal code", "billing postcode", "billing_postcode", "default address zip"},
		FormatFR: "En texte : 5 chiffres pour la France (01000, pas 1000).", FormatEN: "As text: 5 digits for France (01000, not 1000)."},
	{Key: "city", FR: "Ville", EN: "City", Type: TypeText, Synonyms: []string{"ville", "commune", "localite", "city", "town", "billing city", "billing_city", "default address city"},
		FormatFR: "Texte.", FormatEN: "Text."},
	{Key: "country", FR: "Pays", EN: "Country", Type: TypeCountry, Synonyms: []string{"pays", "country", "code pays", "country code", "billing country", "billing_country", "default address country code"},
		FormatFR: "Code ISO (FR, BE…) ou nom du pays. Vide : France.", FormatEN: "ISO code (FR, BE…) or country name. Empty: France."},
	{Key: "shipping_line1", FR: "Adresse de livraison", EN: "Shipping address", Type: TypeText, Synonyms: []string{"adresse de livraison", "adresse livraison", "shipping address", "shipping address 1", "shipping_address_1", "delivery address"},
		FormatFR: "Numéro et rue de la première adresse de livraison.", FormatEN: "Number and street of the first shipping address."},
	{Key: "shipping_line2", FR: "Complément livraison", EN: "Shipping address line 2", Type: TypeText, Synonyms: []string{"complement livraison", "shipping address 2", "shipping_address_2"},
		FormatFR: "Texte.", FormatEN: "Text."},
	{Key: "shipping_postcode", FR: "CP livraison", EN: "Shipping postcode", Type: TypePostcode, Synonyms: []string{"cp livraison", "code postal livraison", "shipping postcode", "shipping_postcode", "shipping zip"},
		FormatFR: "En texte, 5 chiffres pour la France.", FormatEN: "As text, 5 digits for France."},
	{Key: "shipping_city", FR: "Ville livraison", EN: "Shipping city", Type: TypeText, Synonyms: []string{"ville livraison", "ville de livraison", "shipping city", "shipping_city"},
		FormatFR: "Texte.", FormatEN: "Text."},
	{Key: "shipping_country", FR: "Pays livraison", EN: "Shipping country", Type: TypeCountry, Synonyms: []string{"pays livraison", "shipping country", "shipping_country"},
		FormatFR: "Code ISO ou nom du pays.", FormatEN: "ISO code or country name."},
	{Key: "reference", FR: "Référence (carte de fidélité)", EN: "Reference (loyalty card)", Type: TypeIdentifier, Synonyms: []string{"reference", "ref", "code barre", "code-barre", "barcode", "bar code", "carte de fidelite", "loyalty card", "numero de carte"},
		FormatFR: "Code-barres de la carte, en texte.", FormatEN: "Card barcode, as text."},
	{Key: "account_number", FR: "Compte comptable", EN: "Accounting account", Type: TypeIdentifier, Synonyms: []string{"compte comptable", "compte", "compte client", "compte auxiliaire", "compte tiers", "accounting account", "account number", "compauxnum", "code comptable"},
		FormatFR: "Compte auxiliaire (411DUPONT…). Vide : compte « Clients divers ».", FormatEN: "Auxiliary account (411DUPONT…). Empty: the sundry customers account."},
	{Key: "groups", FR: "Groupes", EN: "Groups", Type: TypeGroups, Synonyms: []string{"groupe", "groupes", "groupe client", "groupes clients", "categorie", "categories", "category", "group", "groups", "customer group", "tags", "etiquettes", "agence commerciale"},
		FormatFR: "Noms séparés par des virgules ; les groupes manquants sont créés.", FormatEN: "Names separated by commas; missing groups are created."},
	{Key: "supplier", FR: "Fournisseur", EN: "Supplier", Type: TypeBool, Synonyms: []string{"fournisseur", "supplier", "is supplier", "vendor"},
		FormatFR: "Oui ou vide.", FormatEN: "Yes or empty."},
	{Key: "disappointed", FR: "Déçu", EN: "Disappointed", Type: TypeBool, Synonyms: []string{"decu", "client decu", "disappointed", "mecontent"},
		FormatFR: "Oui : une marque rouge s’affiche à côté du nom.", FormatEN: "Yes: a red mark shows beside the name."},
	{Key: "marketing_source", FR: "Source marketing", EN: "Marketing source", Type: TypeText, Synonyms: []string{"source", "source marketing", "origine", "campagne", "marketing source", "campaign", "lead source"},
		FormatFR: "Nom d’une source existante (Paramètres › Marketing).", FormatEN: "Name of an existing source (Settings › Marketing)."},
	{Key: "marketing_consent", FR: "Consentement marketing", EN: "Marketing consent", Type: TypeConsent, Synonyms: []string{
		"consentement", "consentement marketing", "accepte les offres", "accepte marketing", "accepte la prospection",
		"opt in newsletter", "optin", "opt in", "newsletter", "inscrit newsletter", "abonne newsletter",
		"accepts email marketing", "accepts marketing", "email marketing consent", "marketing opt in",
		"newsletter subscription", "is subscribed", "subscribed to newsletter"},
		FormatFR: "Oui, Non, ou vide (non demandé). Les clients à Non sont écartés des publipostages.",
		FormatEN: "Yes, No, or empty (not asked). Customers at No are left out of mailings."},
	{Key: "discount_card", FR: "Carte de réduction", EN: "Discount card", Type: TypeIdentifier, Synonyms: []string{"carte de reduction", "carte de remise", "discount card"},
		FormatFR: "Numéro de carte, en texte.", FormatEN: "Card number, as text."},
	{Key: "discount_sales", FR: "Remise produits (ventes)", EN: "Discount on products (sales)", Type: TypePercent, Synonyms: []string{"reduction sur les produits dans les ventes", "remise produits ventes", "remise", "discount", "discount products sales"},
		FormatFR: "Pourcentage de 0 à 100.", FormatEN: "Percentage from 0 to 100."},
	{Key: "discount_services", FR: "Remise services (commandes et factures)", EN: "Discount on services (orders and invoices)", Type: TypePercent, Synonyms: []string{"reduction sur les services dans les commandes et factures", "remise services", "discount services"},
		FormatFR: "Pourcentage de 0 à 100.", FormatEN: "Percentage from 0 to 100."},
	{Key: "discount_materials", FR: "Remise produits/matériaux (commandes et factures)", EN: "Discount on products/materials (orders and invoices)", Type: TypePercent, Synonyms: []string{"remise sur les produits materiaux dans la commande et la facture", "remise materiaux", "discount materials"},
		FormatFR: "Pourcentage de 0 à 100.", FormatEN: "Percentage from 0 to 100."},
	{Key: "price_type_sales", FR: "Type de prix (ventes)", EN: "Price type (sales)", Type: TypeText, Synonyms: []string{"type de prix", "type de prix ventes", "price type", "price code", "code prix"},
		FormatFR: "Nom exact du type de prix.", FormatEN: "Exact name of the price type."},
	{Key: "price_type_orders", FR: "Type de prix (commandes et factures)", EN: "Price type (orders and invoices)", Type: TypeText, Synonyms: []string{"type de prix commandes", "price type orders"},
		FormatFR: "Nom exact du type de prix.", FormatEN: "Exact name of the price type."},
	{Key: "sales_rep", FR: "Représentant", EN: "Sales representative", Type: TypeText, Synonyms: []string{"representant", "commercial", "vendeur", "sales rep", "salesperson", "sales representative"},
		FormatFR: "Nom du représentant.", FormatEN: "Representative’s name."},
	{Key: "payment_terms", FR: "Délai de paiement", EN: "Payment terms", Type: TypeText, Synonyms: []string{"delai de paiement", "conditions de paiement", "echeance", "payment terms", "terms"},
		FormatFR: "Par exemple « 30 jours fin de mois ».", FormatEN: "For example \"30 days end of month\"."},
	{Key: "payment_method", FR: "Moyen de paiement", EN: "Payment method", Type: TypeText, Synonyms: []string{"moyen de paiement", "mode de paiement", "mode de reglement", "reglement", "payment method", "payment mode"},
		FormatFR: "Virement, chèque, CB, prélèvement…", FormatEN: "Transfer, cheque, card, direct debit…"},
	{Key: "currency", FR: "Devise", EN: "Currency", Type: TypeText, Synonyms: []string{"devise", "monnaie", "currency"},
		FormatFR: "Code ISO à 3 lettres (EUR).", FormatEN: "3-letter ISO code (EUR)."},
	{Key: "balance_method", FR: "Méthode de solde", EN: "Balance method", Type: TypeText, Synonyms: []string{"methode de solde", "balance method"},
		FormatFR: "« open_item » (pièce par pièce) ou « balance_forward » (solde reporté).", FormatEN: "\"open_item\" or \"balance_forward\"."},
	{Key: "credit_limit", FR: "Encours autorisé (tous sites)", EN: "Credit limit (all sites)", Type: TypeMoney, Protected: true, Synonyms: []string{"encours", "encours autorise", "encours autorise tous sites", "limite de credit", "plafond", "credit limit", "outstanding limit"},
		FormatFR: "Montant en euros (1 234,56). Protégé : non modifié par l’import sauf choix contraire.", FormatEN: "Amount in euros (1 234,56). Protected: not changed by imports unless chosen."},
	{Key: "insurer_guarantee", FR: "Garantie assureur", EN: "Insurer guarantee", Type: TypeMoney, Protected: true, Synonyms: []string{"garantie assureur", "assurance credit", "insurer guarantee", "credit insurance"},
		FormatFR: "Montant en euros. Protégé.", FormatEN: "Amount in euros. Protected."},
	{Key: "other_guarantees", FR: "Autres garanties", EN: "Other guarantees", Type: TypeMoney, Protected: true, Synonyms: []string{"autres garanties", "garanties", "other guarantees"},
		FormatFR: "Montant en euros. Protégé.", FormatEN: "Amount in euros. Protected."},
	{Key: "credit_hold", FR: "Blocage crédit", EN: "Credit hold", Type: TypeBool, Synonyms: []string{"blocage credit", "bloque", "credit hold", "on hold"},
		FormatFR: "Oui ou vide.", FormatEN: "Yes or empty."},
	{Key: "credit_hold_reason", FR: "Motif du blocage", EN: "Credit hold reason", Type: TypeText, Synonyms: []string{"motif blocage", "motif du blocage", "credit hold reason"},
		FormatFR: "Texte, obligatoire si le client est bloqué.", FormatEN: "Text, required when the customer is on hold."},
	{Key: "amount_over_invoice", FR: "Dépassement de facture toléré", EN: "Amount over invoice", Type: TypeMoney, Synonyms: []string{"depassement de facture", "amount over invoice"},
		FormatFR: "Montant en euros, le même sur tous les sites.", FormatEN: "Amount in euros, the same on every site."},
	{Key: "days_over_due", FR: "Jours de dépassement d’échéance", EN: "Days over due date", Type: TypeInteger, Synonyms: []string{"jours de depassement", "days over due date", "days over due"},
		FormatFR: "Nombre de jours (entier).", FormatEN: "Number of days (whole)."},
	{Key: "is_buying_group", FR: "Centrale d’achat", EN: "Buying group", Type: TypeBool, Synonyms: []string{"centrale d achat", "est une centrale", "buying group", "is buying group"},
		FormatFR: "Oui : ce client est une centrale d’achat.", FormatEN: "Yes: this customer is a buying group."},
	{Key: "buying_group", FR: "Rattaché à la centrale", EN: "Member of buying group", Type: TypeIdentifier, Synonyms: []string{"rattache a la centrale", "centrale", "member of buying group", "buying group code"},
		FormatFR: "Code client de la centrale d’achat.", FormatEN: "Customer code of the buying group."},
	{Key: "state", FR: "Code de province/État", EN: "State/province code", Type: TypeIdentifier, Synonyms: []string{"etat", "province", "state", "region code", "state code", "province code"},
		FormatFR: "Un code de la liste du site principal.", FormatEN: "A code from the main site’s list."},
	{Key: "customer_type", FR: "Type de client (site)", EN: "Customer type (site)", Type: TypeIdentifier, Site: true, Synonyms: []string{"customer type code", "type client site"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "price_code", FR: "Code prix (site)", EN: "Price code (site)", Type: TypeIdentifier, Site: true, Synonyms: []string{"code prix site", "site price code"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "end_user_type", FR: "Type d’utilisateur final", EN: "End-user type", Type: TypeIdentifier, Site: true, Synonyms: []string{"type util final", "type utilisateur final", "end user type"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "invoice_category", FR: "Catégorie de facture", EN: "Invoice category", Type: TypeIdentifier, Site: true, Synonyms: []string{"categorie facture", "categorie de facture", "invoice category"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "bank_code", FR: "Code banque", EN: "Bank code", Type: TypeIdentifier, Site: true, Synonyms: []string{"code banque", "bank code"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "site_country", FR: "Pays (site)", EN: "Country (site)", Type: TypeIdentifier, Site: true, Synonyms: []string{"pays site", "site country"},
		FormatFR: "Code ISO de la liste des pays du site.", FormatEN: "ISO code from the site’s country list."},
	{Key: "language", FR: "Langue", EN: "Language", Type: TypeIdentifier, Site: true, Synonyms: []string{"langue", "language", "lang", "locale"},
		FormatFR: "Un code de la liste du site : fr, en…", FormatEN: "A code from the site’s list: fr, en…"},
	{Key: "nature_code", FR: "Code nature (CNat)", EN: "Nature code", Type: TypeIdentifier, Site: true, Synonyms: []string{"cnat", "code nature", "nature code"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "nature_code2", FR: "CNat secondaire", EN: "Secondary nature code", Type: TypeIdentifier, Site: true, Synonyms: []string{"cnat secondaire", "secondary nature code"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "delivery_terms", FR: "Conditions de livraison", EN: "Delivery terms", Type: TypeIdentifier, Site: true, Synonyms: []string{"condition de livraison", "conditions de livraison", "delivery terms", "incoterm"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "territory", FR: "Territoire", EN: "Territory", Type: TypeIdentifier, Site: true, Synonyms: []string{"territoire", "secteur", "territory"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "sales_force", FR: "Force de vente", EN: "Sales force", Type: TypeIdentifier, Site: true, Synonyms: []string{"force de vente", "sales force"},
		FormatFR: "Un code de la liste du site.", FormatEN: "A code from the site’s list."},
	{Key: "tax_id", FR: "ID taxe", EN: "Tax ID", Type: TypeIdentifier, Site: true, Synonyms: []string{"id taxe", "identifiant fiscal", "tax identifier"},
		FormatFR: "Texte.", FormatEN: "Text."},
	{Key: "tax_code", FR: "Code taxe", EN: "Tax code", Type: TypeIdentifier, Site: true, Synonyms: []string{"code taxe", "code tva", "tax code"},
		FormatFR: "Texte.", FormatEN: "Text."},
	{Key: "site_credit_limit", FR: "Encours autorisé du site", EN: "Site credit limit", Type: TypeMoney, Site: true, Protected: true, Synonyms: []string{"encours site", "limite de credit site", "site credit limit"},
		FormatFR: "Montant en euros, propre au site. Protégé.", FormatEN: "Amount in euros, this site’s own. Protected."},
	{Key: "last_payment_date", FR: "Dernier paiement le", EN: "Last payment date", Type: TypeDay, Site: true, Synonyms: []string{"date dernier paiement", "last payment date", "last paid"},
		FormatFR: "Date jj/mm/aaaa.", FormatEN: "Date dd/mm/yyyy."},
	{Key: "last_payment_amount", FR: "Montant du dernier paiement", EN: "Last payment amount", Type: TypeMoney, Site: true, Synonyms: []string{"montant dernier paiement", "last payment amount"},
		FormatFR: "Montant en devise locale du site.", FormatEN: "Amount in the site’s local currency."},
	{Key: "average_days_to_pay", FR: "Délai moyen de paiement (jours)", EN: "Average days to pay", Type: TypeInteger, Site: true, Synonyms: []string{"delai moyen de paiement", "average days to pay", "avg days"},
		FormatFR: "Nombre de jours (entier).", FormatEN: "Number of days (whole)."},
	{Key: "highest_balance", FR: "Solde le plus élevé", EN: "Highest balance", Type: TypeMoney, Site: true, Synonyms: []string{"solde le plus eleve", "highest balance"},
		FormatFR: "Montant en devise locale du site.", FormatEN: "Amount in the site’s local currency."},
	{Key: "shipping_warehouse", FR: "Entrepôt (livraison)", EN: "Warehouse (shipping)", Type: TypeIdentifier, Site: true, Synonyms: []string{"entrepot", "warehouse"},
		FormatFR: "Entrepôt de la première adresse de livraison, de la liste du site.", FormatEN: "Warehouse of the first shipping address, from the site’s list."},
	{Key: "shipping_carrier", FR: "Transporteur (livraison)", EN: "Carrier (shipping)", Type: TypeIdentifier, Site: true, Synonyms: []string{"transporteur", "exp par", "carrier", "ship via"},
		FormatFR: "Transporteur de la première adresse de livraison, de la liste du site.", FormatEN: "Carrier of the first shipping address, from the site’s list."},
	{Key: "notes", FR: "Notes", EN: "Notes", Type: TypeText, Site: true, Synonyms: []string{"notes", "note", "remarque", "remarques", "commentaire", "commentaires", "observations", "comment", "comments"},
		FormatFR: "Texte libre, propre au site.", FormatEN: "Free text, this site’s own."},
	{Key: "archived", FR: "Archivé", EN: "Archived", Type: TypeBool, Synonyms: []string{"archive", "archived", "inactif", "inactive"},
		FormatFR: "Oui ou vide.", FormatEN: "Yes or empty."},
	{Key: "balance", FR: "Solde", EN: "Balance", Type: TypeMoney, Computed: true, Synonyms: []string{"solde", "balance", "solde initial", "opening balance"},
		FormatFR: "Montant : + le client nous doit, - nous lui devons. Appliqué en « Correction de solde par importation » si l’option est cochée.", FormatEN: "Amount: + the customer owes us, - we owe them. Applied as a balance adjustment when the option is ticked."},
	{Key: "applicable_discount", FR: "Remise applicable", EN: "Applicable discount", Type: TypePercent, Computed: true, Synonyms: []string{"remise applicable", "applicable discount"},
		FormatFR: "Calculée par Carnet : la remise du client, sinon la meilleure de ses groupes. Ignorée à l’import.", FormatEN: "Computed by Carnet: the customer’s own discount, else the best of its groups. Ignored on import."},
	{Key: "created_at", FR: "Créé le", EN: "Created", Type: TypeDate, Computed: true, Synonyms: []string{"date de creation", "cree le", "created", "created at", "date registered", "registration date"},
		FormatFR: "Rempli par Carnet.", FormatEN: "Filled by Carnet."},
	{Key: "updated_at", FR: "Modifié le", EN: "Changed", Type: TypeDate, Computed: true, Synonyms: []string{"date de modification", "modifie le", "updated", "updated at"},
		FormatFR: "Rempli par Carnet.", FormatEN: "Filled by Carnet."},
}

var fieldIndex = func() map[string]int {
	m := make(map[string]int, len(Fields))
	for i, f := range Fields {
		m[f.Key] = i
	}
	return m
}()

// FieldByKey returns the definition of key.
func FieldByKey(key string) (FieldDef, bool) {
	i, ok := fieldIndex[key]
	if !ok {
		return FieldDef{}, false
	}
	return Fields[i], true
}

// FieldLabel returns the label of key in lang, or key itself when unknown
// (a custom field keeps its column name).
func FieldLabel(key, lang string) string {
	if f, ok := FieldByKey(key); ok {
		return f.Label(lang)
	}
	if key == "site" { // an import putting a customer on its site
		return Message{FR: "Présence sur le site", EN: "Presence on site"}.In(lang)
	}
	return strings.TrimPrefix(key, CustomPrefix)
}

// CustomPrefix marks a custom field key in mappings: "custom:Passeport".
const CustomPrefix = "custom:"
