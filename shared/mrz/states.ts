// Owns the issuing-state / nationality codes valid in an MRZ (ISO 3166-1 alpha-3 plus ICAO's own) and their names.

// One entry per line: CODE|English|Indonesian. A string table keeps the module small and cheap to load.
const TABLE = `AFG|Afghanistan|Afganistan
ALA|Åland Islands|Kepulauan Åland
ALB|Albania|Albania
DZA|Algeria|Aljazair
ASM|American Samoa|Samoa Amerika
AND|Andorra|Andorra
AGO|Angola|Angola
AIA|Anguilla|Anguilla
ATA|Antarctica|Antarktika
ATG|Antigua and Barbuda|Antigua dan Barbuda
ARG|Argentina|Argentina
ARM|Armenia|Armenia
ABW|Aruba|Aruba
AUS|Australia|Australia
AUT|Austria|Austria
AZE|Azerbaijan|Azerbaijan
BHS|Bahamas|Bahama
BHR|Bahrain|Bahrain
BGD|Bangladesh|Bangladesh
BRB|Barbados|Barbados
BLR|Belarus|Belarus
BEL|Belgium|Belgia
BLZ|Belize|Belize
BEN|Benin|Benin
BMU|Bermuda|Bermuda
BTN|Bhutan|Bhutan
BOL|Bolivia|Bolivia
BES|Bonaire, Sint Eustatius and Saba|Bonaire, Sint Eustatius, dan Saba
BIH|Bosnia and Herzegovina|Bosnia dan Herzegovina
BWA|Botswana|Botswana
BVT|Bouvet Island|Pulau Bouvet
BRA|Brazil|Brasil
IOT|British Indian Ocean Territory|Wilayah Samudra Hindia Britania
BRN|Brunei Darussalam|Brunei Darussalam
BGR|Bulgaria|Bulgaria
BFA|Burkina Faso|Burkina Faso
BDI|Burundi|Burundi
CPV|Cabo Verde|Tanjung Verde
KHM|Cambodia|Kamboja
CMR|Cameroon|Kamerun
CAN|Canada|Kanada
CYM|Cayman Islands|Kepulauan Cayman
CAF|Central African Republic|Republik Afrika Tengah
TCD|Chad|Chad
CHL|Chile|Chili
CHN|China|Tiongkok
CXR|Christmas Island|Pulau Natal
CCK|Cocos (Keeling) Islands|Kepulauan Cocos (Keeling)
COL|Colombia|Kolombia
COM|Comoros|Komoro
COG|Congo|Kongo
COD|Congo, Democratic Republic of the|Republik Demokratik Kongo
COK|Cook Islands|Kepulauan Cook
CRI|Costa Rica|Kosta Rika
CIV|Côte d'Ivoire|Pantai Gading
HRV|Croatia|Kroasia
CUB|Cuba|Kuba
CUW|Curaçao|Curaçao
CYP|Cyprus|Siprus
CZE|Czechia|Ceko
DNK|Denmark|Denmark
DJI|Djibouti|Djibouti
DMA|Dominica|Dominika
DOM|Dominican Republic|Republik Dominika
ECU|Ecuador|Ekuador
EGY|Egypt|Mesir
SLV|El Salvador|El Salvador
GNQ|Equatorial Guinea|Guinea Khatulistiwa
ERI|Eritrea|Eritrea
EST|Estonia|Estonia
SWZ|Eswatini|Eswatini
ETH|Ethiopia|Etiopia
FLK|Falkland Islands (Malvinas)|Kepulauan Falkland (Malvinas)
FRO|Faroe Islands|Kepulauan Faroe
FJI|Fiji|Fiji
FIN|Finland|Finlandia
FRA|France|Prancis
GUF|French Guiana|Guyana Prancis
PYF|French Polynesia|Polinesia Prancis
ATF|French Southern Territories|Wilayah Selatan Prancis
GAB|Gabon|Gabon
GMB|Gambia|Gambia
GEO|Georgia|Georgia
DEU|Germany|Jerman
GHA|Ghana|Ghana
GIB|Gibraltar|Gibraltar
GRC|Greece|Yunani
GRL|Greenland|Greenland
GRD|Grenada|Grenada
GLP|Guadeloupe|Guadeloupe
GUM|Guam|Guam
GTM|Guatemala|Guatemala
GGY|Guernsey|Guernsey
GIN|Guinea|Guinea
GNB|Guinea-Bissau|Guinea-Bissau
GUY|Guyana|Guyana
HTI|Haiti|Haiti
HMD|Heard Island and McDonald Islands|Pulau Heard dan Kepulauan McDonald
VAT|Holy See|Takhta Suci (Vatikan)
HND|Honduras|Honduras
HKG|Hong Kong|Hong Kong
HUN|Hungary|Hungaria
ISL|Iceland|Islandia
IND|India|India
IDN|Indonesia|Indonesia
IRN|Iran|Iran
IRQ|Iraq|Irak
IRL|Ireland|Irlandia
IMN|Isle of Man|Pulau Man
ISR|Israel|Israel
ITA|Italy|Italia
JAM|Jamaica|Jamaika
JPN|Japan|Jepang
JEY|Jersey|Jersey
JOR|Jordan|Yordania
KAZ|Kazakhstan|Kazakhstan
KEN|Kenya|Kenya
KIR|Kiribati|Kiribati
PRK|Korea, Democratic People's Republic of|Korea Utara
KOR|Korea, Republic of|Korea Selatan
KWT|Kuwait|Kuwait
KGZ|Kyrgyzstan|Kirgizstan
LAO|Lao People's Democratic Republic|Laos
LVA|Latvia|Latvia
LBN|Lebanon|Lebanon
LSO|Lesotho|Lesotho
LBR|Liberia|Liberia
LBY|Libya|Libya
LIE|Liechtenstein|Liechtenstein
LTU|Lithuania|Lituania
LUX|Luxembourg|Luksemburg
MAC|Macao|Makau
MDG|Madagascar|Madagaskar
MWI|Malawi|Malawi
MYS|Malaysia|Malaysia
MDV|Maldives|Maladewa
MLI|Mali|Mali
MLT|Malta|Malta
MHL|Marshall Islands|Kepulauan Marshall
MTQ|Martinique|Martinik
MRT|Mauritania|Mauritania
MUS|Mauritius|Mauritius
MYT|Mayotte|Mayotte
MEX|Mexico|Meksiko
FSM|Micronesia|Mikronesia
MDA|Moldova|Moldova
MCO|Monaco|Monako
MNG|Mongolia|Mongolia
MNE|Montenegro|Montenegro
MSR|Montserrat|Montserrat
MAR|Morocco|Maroko
MOZ|Mozambique|Mozambik
MMR|Myanmar|Myanmar
NAM|Namibia|Namibia
NRU|Nauru|Nauru
NPL|Nepal|Nepal
NLD|Netherlands|Belanda
NCL|New Caledonia|Kaledonia Baru
NZL|New Zealand|Selandia Baru
NIC|Nicaragua|Nikaragua
NER|Niger|Niger
NGA|Nigeria|Nigeria
NIU|Niue|Niue
NFK|Norfolk Island|Pulau Norfolk
MKD|North Macedonia|Makedonia Utara
MNP|Northern Mariana Islands|Kepulauan Mariana Utara
NOR|Norway|Norwegia
OMN|Oman|Oman
PAK|Pakistan|Pakistan
PLW|Palau|Palau
PSE|Palestine, State of|Palestina
PAN|Panama|Panama
PNG|Papua New Guinea|Papua Nugini
PRY|Paraguay|Paraguay
PER|Peru|Peru
PHL|Philippines|Filipina
PCN|Pitcairn|Kepulauan Pitcairn
POL|Poland|Polandia
PRT|Portugal|Portugal
PRI|Puerto Rico|Puerto Riko
QAT|Qatar|Qatar
REU|Réunion|Réunion
ROU|Romania|Rumania
RUS|Russian Federation|Rusia
RWA|Rwanda|Rwanda
BLM|Saint Barthélemy|Saint Barthélemy
SHN|Saint Helena, Ascension and Tristan da Cunha|Saint Helena, Ascension, dan Tristan da Cunha
KNA|Saint Kitts and Nevis|Saint Kitts dan Nevis
LCA|Saint Lucia|Saint Lucia
MAF|Saint Martin (French part)|Saint Martin (bagian Prancis)
SPM|Saint Pierre and Miquelon|Saint Pierre dan Miquelon
VCT|Saint Vincent and the Grenadines|Saint Vincent dan Grenadine
WSM|Samoa|Samoa
SMR|San Marino|San Marino
STP|Sao Tome and Principe|Sao Tome dan Principe
SAU|Saudi Arabia|Arab Saudi
SEN|Senegal|Senegal
SRB|Serbia|Serbia
SYC|Seychelles|Seychelles
SLE|Sierra Leone|Sierra Leone
SGP|Singapore|Singapura
SXM|Sint Maarten (Dutch part)|Sint Maarten (bagian Belanda)
SVK|Slovakia|Slowakia
SVN|Slovenia|Slovenia
SLB|Solomon Islands|Kepulauan Solomon
SOM|Somalia|Somalia
ZAF|South Africa|Afrika Selatan
SGS|South Georgia and the South Sandwich Islands|Georgia Selatan dan Kepulauan Sandwich Selatan
SSD|South Sudan|Sudan Selatan
ESP|Spain|Spanyol
LKA|Sri Lanka|Sri Lanka
SDN|Sudan|Sudan
SUR|Suriname|Suriname
SJM|Svalbard and Jan Mayen|Svalbard dan Jan Mayen
SWE|Sweden|Swedia
CHE|Switzerland|Swiss
SYR|Syrian Arab Republic|Suriah
TWN|Taiwan|Taiwan
TJK|Tajikistan|Tajikistan
TZA|Tanzania|Tanzania
THA|Thailand|Thailand
TLS|Timor-Leste|Timor Leste
TGO|Togo|Togo
TKL|Tokelau|Tokelau
TON|Tonga|Tonga
TTO|Trinidad and Tobago|Trinidad dan Tobago
TUN|Tunisia|Tunisia
TUR|Türkiye|Turki
TKM|Turkmenistan|Turkmenistan
TCA|Turks and Caicos Islands|Kepulauan Turks dan Caicos
TUV|Tuvalu|Tuvalu
UGA|Uganda|Uganda
UKR|Ukraine|Ukraina
ARE|United Arab Emirates|Uni Emirat Arab
GBR|United Kingdom|Britania Raya
USA|United States of America|Amerika Serikat
UMI|United States Minor Outlying Islands|Kepulauan Terluar Kecil Amerika Serikat
URY|Uruguay|Uruguay
UZB|Uzbekistan|Uzbekistan
VUT|Vanuatu|Vanuatu
VEN|Venezuela|Venezuela
VNM|Viet Nam|Vietnam
VGB|Virgin Islands (British)|Kepulauan Virgin Britania
VIR|Virgin Islands (U.S.)|Kepulauan Virgin Amerika Serikat
WLF|Wallis and Futuna|Wallis dan Futuna
ESH|Western Sahara|Sahara Barat
YEM|Yemen|Yaman
ZMB|Zambia|Zambia
ZWE|Zimbabwe|Zimbabwe
D|Germany|Jerman
UTO|Utopia (ICAO specimen)|Utopia (spesimen ICAO)
EUE|European Union|Uni Eropa
UNO|United Nations Organization|Perserikatan Bangsa-Bangsa
UNA|United Nations specialized agency|Badan khusus Perserikatan Bangsa-Bangsa
UNK|Resident of Kosovo (UNMIK travel document)|Penduduk Kosovo (dokumen perjalanan UNMIK)
RKS|Kosovo|Kosovo
XBA|African Development Bank|Bank Pembangunan Afrika
XIM|African Export-Import Bank|Bank Ekspor-Impor Afrika
XCC|Caribbean Community (CARICOM)|Komunitas Karibia (CARICOM)
XCE|Council of Europe|Dewan Eropa
XCO|Common Market for Eastern and Southern Africa|Pasar Bersama Afrika Timur dan Selatan
XEC|Economic Community of West African States|Komunitas Ekonomi Negara-Negara Afrika Barat
XPO|INTERPOL|INTERPOL
XES|Organisation of Eastern Caribbean States|Organisasi Negara-Negara Karibia Timur
XMP|Interparliamentary Assembly on Orthodoxy|Majelis Antarparlemen Ortodoksi
XOM|Sovereign Military Order of Malta|Ordo Militer Berdaulat Malta
XDC|Southern African Development Community|Komunitas Pembangunan Afrika Selatan
XXA|Stateless person|Orang tanpa kewarganegaraan
XXB|Refugee (1951 Convention)|Pengungsi (Konvensi 1951)
XXC|Refugee (other)|Pengungsi (lainnya)
XXX|Unspecified nationality|Kewarganegaraan tidak disebutkan
GBD|British Overseas Territories Citizen|Warga Wilayah Seberang Laut Britania
GBN|British National (Overseas)|Warga Nasional Britania (Seberang Laut)
GBO|British Overseas Citizen|Warga Seberang Laut Britania
GBP|British Protected Person|Orang yang Dilindungi Britania
GBS|British Subject|Subjek Britania
ANT|Netherlands Antilles (former)|Antillen Belanda (bekas)
NTZ|Neutral Zone (former)|Zona Netral (bekas)`;

interface StateNames {
  en: string;
  id: string;
}

const STATES: ReadonlyMap<string, StateNames> = (() => {
  const m = new Map<string, StateNames>();
  for (const row of TABLE.split('\n')) {
    const [code, en, id] = row.split('|');
    if (code && en && id) m.set(code, { en, id });
  }
  return m;
})();

/** Drops the trailing fillers of a state field: `D<<` → `D`. */
export function cleanStateCode(code: string): string {
  let end = code.length;
  while (end > 0 && code.charCodeAt(end - 1) === 60) end--;
  return end === code.length ? code : code.slice(0, end);
}

/** Index of a 1–3 char code over A–Z and `<` (27 symbols per place, missing places as `<`), or -1. */
function codeIndex(code: string): number {
  if (code.length === 0 || code.length > 3) return -1;
  let idx = 0;
  for (let i = 0; i < 3; i++) {
    const c = i < code.length ? code.charCodeAt(i) : 60;
    const v = c === 60 ? 0 : c >= 65 && c <= 90 ? c - 64 : -1;
    if (v < 0) return -1;
    idx = idx * 27 + v;
  }
  return idx;
}

// A bitmap over all 27³ codes: the parser asks twice per document, and hashing a fresh slice for a
// Map lookup costs more than this arithmetic.
const KNOWN: Uint8Array = (() => {
  const t = new Uint8Array(27 * 27 * 27);
  for (const code of STATES.keys()) t[codeIndex(code)] = 1;
  return t;
})();

/** True when the code (as in the MRZ, `D<<` or `D`) is a known ISO or ICAO code. */
export function isKnownState(code: string): boolean {
  const i = codeIndex(code);
  return i >= 0 && KNOWN[i] === 1;
}

/** Display name of a state code (`D<<` and `D` both work); null when the code is unknown. */
export function stateName(code: string, lang: 'id' | 'en'): string | null {
  const names = STATES.get(cleanStateCode(code.toUpperCase()));
  return names ? names[lang] : null;
}

/** Every known code as written in the MRZ (three characters, `D<<` padded). */
export function knownStateCodes(): string[] {
  const out: string[] = [];
  for (const code of STATES.keys()) out.push(code.padEnd(3, '<'));
  return out;
}
