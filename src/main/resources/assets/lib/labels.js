// The service's codes as readers say them, in English and Spanish: outcomes, clearance statuses,
// roles, exam types and results, and every other value of the record's lists. A code without a
// label (a flag code, a rule name) shows as it is.
import { session } from './session.js';

const LABELS = {
  ELIGIBLE: ['Eligible', 'Elegible'], CONDITIONAL: ['Conditional', 'Condicionado'], REFERRED: ['Referred', 'Turnado'],
  INCOMPLETE: ['Incomplete', 'Incompleto'], INELIGIBLE: ['Ineligible', 'No elegible'],
  ACTIVE: ['Active', 'Vigente'], PENDING_ADJUDICATION: ['Pending adjudication', 'En dictamen'],
  PENDING_INFORMATION: ['Pending information', 'Falta información'], DENIED: ['Denied', 'Negada'],
  SUSPENDED: ['Suspended', 'Suspendida'], REVOKED: ['Revoked', 'Revocada'], EXPIRED: ['Expired', 'Vencida'],
  // section 9: for commanders "not available; decision pending" — the case itself is not theirs to see
  DENIAL_PROPOSED: ['Not available: decision pending', 'No disponible: decisión pendiente'],
  REVOCATION_PROPOSED: ['Not available: decision pending', 'No disponible: decisión pendiente'],
  VETTING_OFFICER: ['Vetting officer', 'Oficial de evaluación'], ADJUDICATOR: ['Adjudicator', 'Dictaminador'],
  COMMANDER: ['Commander', 'Comandante'], AUDITOR: ['Auditor', 'Auditor'], POLICY_OFFICER: ['Policy officer', 'Analista de política'],
  ADMIN: ['Administrator', 'Administrador'], APPEALS_BOARD: ['Appeals board', 'Junta de apelación'],
  POLYGRAPH: ['Polygraph', 'Poligrafía'], TOXICOLOGICAL: ['Toxicological', 'Toxicológico'],
  PSYCHOLOGICAL: ['Psychological', 'Psicológico'], MEDICAL: ['Medical', 'Médico'], SOCIOECONOMIC: ['Socio-economic', 'Socioeconómico'],
  PASS: ['Pass', 'Aprobado'], FAIL: ['Fail', 'No aprobado'], INCONCLUSIVE: ['Inconclusive', 'No concluyente'],
  REFUSED: ['Refused', 'Se negó'],
  ORGANIZED_CRIME: ['Organised crime', 'Delincuencia organizada'], DRUG_TRAFFICKING: ['Drug trafficking', 'Narcotráfico'],
  CORRUPTION: ['Corruption', 'Corrupción'], MONEY_LAUNDERING: ['Money laundering', 'Lavado de dinero'],
  ARMS_TRAFFICKING: ['Arms trafficking', 'Tráfico de armas'], HUMAN_TRAFFICKING: ['Human trafficking', 'Trata de personas'],
  KIDNAPPING: ['Kidnapping', 'Secuestro'], HOMICIDE: ['Homicide', 'Homicidio'], VIOLENT: ['Violent crime', 'Delito violento'],
  FRAUD: ['Fraud', 'Fraude'], THEFT: ['Theft', 'Robo'], OTHER: ['Other', 'Otro'], MINOR: ['Minor offence', 'Falta menor'],
  CONVICTED: ['Convicted', 'Sentenciado'], CHARGED: ['Charged', 'Procesado'],
  UNDER_INVESTIGATION: ['Under investigation', 'En investigación'], ARRESTED_NOT_CHARGED: ['Arrested, not charged', 'Detenido sin cargos'],
  ACQUITTED: ['Acquitted', 'Absuelto'], DISMISSED: ['Dismissed', 'Sobreseído'],
  BRIBERY: ['Bribery', 'Cohecho'], EXTORTION: ['Extortion', 'Extorsión'], EVIDENCE_TAMPERING: ['Evidence tampering', 'Alteración de pruebas'],
  INFORMATION_LEAK: ['Information leak', 'Filtración de información'], COLLUSION: ['Collusion', 'Colusión'],
  EXCESSIVE_FORCE: ['Excessive force', 'Uso excesivo de la fuerza'], ABSENCE: ['Absence', 'Ausencia'],
  INSUBORDINATION: ['Insubordination', 'Insubordinación'], NEGLIGENCE: ['Negligence', 'Negligencia'],
  SUBSTANTIATED: ['Substantiated', 'Acreditada'], UNSUBSTANTIATED: ['Unsubstantiated', 'No acreditada'],
  PENDING: ['Pending', 'Pendiente'], EXONERATED: ['Exonerated', 'Exonerado'],
  NONE: ['None', 'Ninguna'], REPRIMAND: ['Reprimand', 'Amonestación'], SUSPENSION: ['Suspension', 'Suspensión'],
  DEMOTION: ['Demotion', 'Degradación'], DISMISSAL: ['Dismissal', 'Destitución'], DISQUALIFICATION: ['Disqualification', 'Inhabilitación'],
  TORTURE: ['Torture', 'Tortura'], EXTRAJUDICIAL_KILLING: ['Extrajudicial killing', 'Ejecución extrajudicial'],
  ENFORCED_DISAPPEARANCE: ['Enforced disappearance', 'Desaparición forzada'], SEXUAL_VIOLENCE: ['Sexual violence', 'Violencia sexual'],
  ARBITRARY_DETENTION: ['Arbitrary detention', 'Detención arbitraria'], INDIVIDUAL: ['Individual', 'Individual'], UNIT: ['Unit', 'Unidad'],
  CREDIBLE: ['Credible', 'Creíble'], UNDER_REVIEW: ['Under review', 'En revisión'], NOT_CREDIBLE: ['Not credible', 'No creíble'],
  FAMILY: ['Family', 'Familiar'], ASSOCIATE: ['Associate', 'Conocido'], BUSINESS: ['Business', 'Negocios'],
  CRIMINAL_ORGANIZATION: ['Criminal organisation', 'Organización criminal'], CONFIRMED: ['Confirmed', 'Confirmada'],
  SUSPECTED: ['Suspected', 'Presunta'],
  DISQUALIFYING: ['Disqualifying', 'Descalificante'], HIGH: ['High', 'Alta'], LOW: ['Low', 'Baja'],
  DRAFT: ['Draft', 'Borrador'], APPROVED: ['Approved', 'Aprobada'], RETIRED: ['Retired', 'Retirada'], REJECTED: ['Rejected', 'Rechazada'],
  RUNNING: ['Running', 'En curso'], DONE: ['Done', 'Terminada'], FAILED: ['Failed', 'Fallida'],
  PENDING_APPROVAL: ['Pending approval', 'Pendiente de aprobación'], SUPERSEDED: ['Superseded', 'Reemplazada'],
  ADDED: ['Added', 'Nueva'], REMOVED: ['Removed', 'Eliminada'], CHANGED: ['Changed', 'Modificada'], NO_UNIT: ['No unit', 'Sin unidad'],
};
// MEDIUM is a severity; the same word is used for both languages' readers as "Medium"/"Media".
LABELS.MEDIUM = ['Medium', 'Media'];

/** The reader's word for a code, or the code itself. */
export function label(code) {
  const l = LABELS[code];
  return l ? l[session.lang === 'es' ? 1 : 0] : code;
}

/** A date (YYYY-MM-DD) in the reader's locale; empty for none. */
export function day(value) {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale(), { timeZone: 'UTC', dateStyle: 'medium' });
}

/** An instant in the reader's locale and time zone; empty for none. */
export function moment(value) {
  return value ? new Date(value).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

function locale() {
  return session.lang === 'es' ? 'es-MX' : 'en-US';
}
