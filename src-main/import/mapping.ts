import { createHash } from 'node:crypto'
import type { ColumnMapping, ImportField } from '../../src-shared/contract/imports'
import { fold } from '../../src-shared/search/fold'

// Header spellings seen in registration exports (RunSignup, Race Roster, Eventbrite, clubs'
// spreadsheets in several languages), folded and stripped of everything but letters and digits.
const synonyms: Record<ImportField, string[]> = {
  ref: [
    'registrationid',
    'registrationnumber',
    'registrationref',
    'registrationreference',
    'regid',
    'regno',
    'registrantid',
    'participantid',
    'entryid',
    'orderid',
    'ticketnumber',
    'confirmationcode',
    'confirmationnumber',
    'reference',
    'ref',
    'id',
    'anmeldenummer',
    // Short forms: "Reg #", "Reg. No.", "Entry No", "Order ID", "Teilnehmer-Nr.".
    'reg',
    'regnum',
    'regnumber',
    'regnr',
    'registration',
    'registrationno',
    'registrationnr',
    'entryno',
    'entrynr',
    'entrynumber',
    'participantno',
    'participantnr',
    'participantnumber',
    'ticketid',
    'ticketno',
    'orderno',
    'ordernr',
    'ordernumber',
    'bookingid',
    'bookingno',
    'bookingreference',
    'registrierungsnummer',
    'anmeldenr',
    'teilnehmernr',
    'teilnehmernummer',
    '접수번호',
    '등록번호',
    '참가번호',
    '신청번호',
  ],
  race: [
    'event',
    'race',
    'eventname',
    'racename',
    'distance',
    'course',
    'strecke',
    'wettbewerb',
    'lauf',
    'disziplin',
    'tickettype',
    'epreuve',
    'distancia',
    'prueba',
    '종목',
    '코스',
    '부문',
  ],
  givenName: ['firstname', 'first', 'givenname', 'forename', 'vorname', 'prenom', 'nombre', 'nome', 'fornavn', '이름', 'name1'],
  familyName: ['lastname', 'last', 'surname', 'familyname', 'nachname', 'name', 'nom', 'apellido', 'apellidos', 'cognome', 'efternamn', '성'],
  fullName: ['fullname', 'participantname', 'participant', 'runner', 'runnername', 'athlete', 'teilnehmer', '성명', '참가자명'],
  secondName: [
    'nativename',
    'namenativescript',
    'localname',
    'koreanname',
    'hangulname',
    'chinesename',
    'nameinlocalscript',
    'originalname',
    '한글이름',
    '한글성명',
    '현지이름',
  ],
  sex: ['sex', 'gender', 'geschlecht', 'sexe', 'genero', 'sexo', 'kon', '성별'],
  birthDate: [
    'dob',
    'dateofbirth',
    'birthdate',
    'birthday',
    'birth',
    'geburtsdatum',
    'geburtstag',
    'datedenaissance',
    'fechadenacimiento',
    'datadinascita',
    'fodelsedatum',
    '생년월일',
  ],
  age: ['age', 'ageonraceday', 'raceage', 'alter', 'edad', 'eta', 'alder', '나이'],
  nationality: ['nationality', 'country', 'nation', 'countrycode', 'nat', 'noc', 'nationalitat', 'land', 'pays', 'pais', '국적', '국가'],
  club: ['club', 'clubname', 'affiliation', 'verein', 'klubb', '클럽', '소속'],
  team: ['team', 'teamname', 'corporateteam', 'company', 'equipe', 'equipo', 'mannschaft', '팀', '팀명', '단체'],
  division: ['division', 'divisions', 'awarddivision', 'class', 'klasse', 'wertung', '부문', '디비전'],
  email: ['email', 'emailaddress', 'mail', 'epost', '이메일'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'cell', 'cellphone', 'telephone', 'telefon', 'handy', 'telefono', '전화', '전화번호', '휴대폰'],
  emergencyName: ['emergencycontact', 'emergencycontactname', 'emergencyname', 'iceName', 'notfallkontakt', '비상연락처이름', '비상연락인'],
  emergencyPhone: ['emergencycontactphone', 'emergencyphone', 'emergencycontactnumber', 'icephone', 'notfalltelefon', '비상연락처'],
  shirtSize: [
    'tshirtsize',
    'shirtsize',
    'tshirt',
    'shirt',
    'size',
    'teesize',
    'jerseysize',
    'tshirtgrosse',
    'grosse',
    'taille',
    'talla',
    '티셔츠',
    '티셔츠사이즈',
    '사이즈',
  ],
  predictedTime: [
    'predictedtime',
    'predictedfinishtime',
    'predictedfinish',
    'estimatedtime',
    'estimatedfinishtime',
    'expectedtime',
    'expectedfinishtime',
    'targettime',
    'seedtime',
    'projectedtime',
    'zielzeit',
    'wunschzeit',
    'tempsestime',
    'tiempoestimado',
    '예상기록',
    '목표기록',
  ],
  wave: [
    'wave',
    'startwave',
    'wavename',
    'corral',
    'startcorral',
    'startblock',
    'startingblock',
    'welle',
    'startwelle',
    'startblock',
    'vague',
    'sas',
    'ola',
    'cajon',
    'onda',
    '출발그룹',
    '웨이브',
    '출발조',
  ],
  removed: [
    'removed',
    'isremoved',
    'deleted',
    'isdeleted',
    'cancelled',
    'canceled',
    'iscancelled',
    'registrationcancelled',
    'refunded',
    'withdrawn',
    'storniert',
    'abgemeldet',
    'annule',
    'cancelado',
    '취소',
    '취소여부',
  ],
  bib: [
    'bib',
    'bibnumber',
    'bibno',
    'bibnr',
    'bibnum',
    'startnumber',
    'startno',
    'startnr',
    'startnummer',
    'racenumber',
    'dossard',
    'dorsal',
    '배번',
    '배번호',
  ],
}

const lookup = new Map<string, ImportField>()
for (const [field, spellings] of Object.entries(synonyms) as [ImportField, string[]][]) {
  for (const spelling of spellings) if (!lookup.has(squash(spelling))) lookup.set(squash(spelling), field)
}

function squash(header: string): string {
  return fold(header).replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Each field's column, guessed from the header names; the first column wins a field. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  headers.forEach((header, index) => {
    const field = lookup.get(squash(header))
    if (field !== undefined && mapping[field] === undefined) mapping[field] = index
  })
  // "Name" beside a first-name column is the family name; alone it is the whole name.
  const nameIndex = headers.findIndex((h) => squash(h) === 'name')
  if (nameIndex >= 0 && mapping.givenName === undefined && mapping.familyName === nameIndex) {
    delete mapping.familyName
    mapping.fullName ??= nameIndex
  }
  // Most platforms' "Team" is the runner's club; beside a club column it is a team of its own.
  if (mapping.team !== undefined && mapping.club === undefined) {
    mapping.club = mapping.team
    delete mapping.team
  }
  return mapping
}

/** The identity of a file's layout: the same platform's next export has the same key. */
export function headersKey(headers: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(headers.map(squash)))
    .digest('hex')
}
