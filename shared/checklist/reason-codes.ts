// Owns the reason codes a decision can carry: every indicator's code and the ones an officer picks by hand.
// The words are shown to officers and kept in the case (the slip prints one neutral reason instead), in plain
// language, not legal terms.
import type { Bilingual } from './types';

export type ReasonCode = { code: string; text: Bilingual };

export const REASON_CODES: readonly ReasonCode[] = [
  // Destination and visa
  { code: 'NOT_PLACEMENT_COUNTRY', text: { id: 'Negara tujuan kerja bukan negara penempatan resmi PMI', en: 'The country of work is not an official placement country for Indonesian migrant workers' } },
  { code: 'MORATORIUM_COUNTRY', text: { id: 'Kerja rumah tangga untuk majikan perseorangan di negara yang sedang dihentikan penempatannya', en: 'Domestic work for a private employer in a country where such placement is stopped' } },
  { code: 'DESTINATION_MISMATCH', text: { id: 'Negara tujuan yang disebutkan berbeda dengan tiket', en: 'The destination you told us differs from your ticket' } },
  { code: 'WORK_ON_NON_WORK_VISA', text: { id: 'Akan bekerja dengan visa yang bukan visa kerja', en: 'Going to work on a visa that is not a work visa' } },
  { code: 'UMRAH_VISA_OUTSIDE_SAUDI', text: { id: 'Visa umrah dipakai untuk tujuan di luar Arab Saudi', en: 'An umrah visa used for a destination outside Saudi Arabia' } },
  { code: 'UMRAH_OTHER_PLACES', text: { id: 'Rencana ke tempat lain selain Makkah, Madinah, dan Jeddah dengan visa umrah', en: 'Plans to go beyond Makkah, Madinah and Jeddah on an umrah visa' } },
  { code: 'PLACEMENT_UNCONFIRMED', text: { id: 'Negara tujuan kerja belum tercantum di daftar penempatan yang dimuat', en: 'The country of work is not on the loaded placement list' } },
  { code: 'SCAM_ROUTE', text: { id: 'Pekerjaan admin daring atau rekrutmen daring menuju kawasan Mekong', en: 'An online admin job or online recruitment towards the Mekong region' } },
  { code: 'ONWARD_UNTICKETED', text: { id: 'Perjalanan lanjutan ke tujuan akhir belum bertiket', en: 'The onward journey to the final destination has no ticket' } },
  { code: 'ONWARD_TO_ROUTE_COUNTRY', text: { id: 'Tiket lanjutan berakhir di negara rute perdagangan orang, bukan di tujuan yang disebutkan', en: 'The onward tickets end in a trafficking-route country, not at the destination declared' } },
  { code: 'VAGUE_PURPOSE', text: { id: 'Belum bisa menjelaskan kegiatan di negara tujuan', en: 'Could not say what they will do at the destination' } },
  { code: 'WORK_SIGNAL', text: { id: 'Tujuan disebut bukan bekerja, tetapi dijemput pemberi kerja atau perjalanan diatur pemberi kerja/P3MI', en: 'The purpose stated is not work, but an employer meets you or an employer or placement agency arranged the trip' } },
  { code: 'UNDECLARED_WORK', text: { id: 'Tujuan perjalanan disebut bukan bekerja, tetapi akan bekerja', en: 'The stated purpose is not work, but you intend to work' } },
  // Work documents
  { code: 'NO_ID_PMI', text: { id: 'Belum punya ID PMI / e-KTKLN', en: 'No migrant worker ID (ID PMI / e-KTKLN)' } },
  { code: 'ID_PMI_UNVERIFIED', text: { id: 'ID PMI / e-KTKLN belum bisa dicek', en: 'The ID PMI / e-KTKLN could not be checked' } },
  { code: 'NO_WORK_VISA', text: { id: 'Belum punya visa kerja', en: 'No work visa' } },
  { code: 'NO_CONTRACT', text: { id: 'Belum ada perjanjian kerja', en: 'No signed employment contract' } },
  { code: 'NO_CONSENT', text: { id: 'Belum ada izin suami/istri atau orang tua/wali', en: 'No consent from spouse or parents/guardian' } },
  { code: 'DOCUMENTS_INCOMPLETE', text: { id: 'Dokumen perjalanan atau kerja belum lengkap', en: 'Travel or work documents are incomplete' } },
  // Age
  { code: 'MINOR_WORKER', text: { id: 'Belum berumur 18 tahun dan akan bekerja', en: 'Under 18 and going to work' } },
  { code: 'MINOR_UNACCOMPANIED', text: { id: 'Anak di bawah 18 tahun bepergian tanpa orang tua atau keluarga', en: 'A child under 18 travelling without parents or family' } },
  // Recruitment and money
  { code: 'JOB_VIA_SOCIAL_MEDIA', text: { id: 'Tawaran kerja didapat dari media sosial atau aplikasi chat', en: 'The job offer came through social media or a chat app' } },
  { code: 'UNOFFICIAL_RECRUITER', text: { id: 'Diberangkatkan oleh sponsor, calo, atau orang yang baru dikenal', en: 'Sent by a sponsor, broker or someone you barely know' } },
  { code: 'PAY_TOO_HIGH', text: { id: 'Gaji yang dijanjikan jauh di atas wajar untuk pekerjaan itu', en: 'The promised pay is far above normal for that job' } },
  { code: 'THIRD_PARTY_PAID', text: { id: 'Tiket atau visa dibayar oleh agen, sponsor, atau orang lain', en: 'The ticket or visa was paid by an agent, sponsor or someone else' } },
  { code: 'DEBT_BONDAGE', text: { id: 'Ada utang atau biaya keberangkatan yang harus dibayar kembali', en: 'A debt or travel cost that must be paid back' } },
  // Control by others
  { code: 'DOCUMENTS_HELD_BY_OTHER', text: { id: 'Paspor atau tiket dipegang orang lain', en: 'Someone else held the passport or ticket' } },
  { code: 'ESCORT_HELD_DOCUMENTS', text: { id: 'Paspor dipegang petugas pendamping P3MI berizin', en: 'The escort of a licensed placement agency held the passport' } },
  { code: 'DOCUMENTS_SEEN_HELD', text: { id: 'Terlihat orang lain memegang paspor atau tiket', en: 'Someone else was seen holding the passport or ticket' } },
  { code: 'MET_BY_UNKNOWN', text: { id: 'Akan dijemput orang yang belum pernah ditemui', en: 'Will be met by someone you have never met' } },
  { code: 'GROUP_OF_STRANGERS', text: { id: 'Berangkat dalam rombongan orang yang baru dikenal', en: 'Travelling in a group of people you have just met' } },
  { code: 'ANSWERED_BY_OTHER', text: { id: 'Orang lain menjawab atau mengawasi jawaban', en: 'Someone else answered or watched over the answers' } },
  // Means and plans
  { code: 'NO_MONEY', text: { id: 'Tidak membawa cukup uang untuk selama di sana', en: 'Not enough money for the stay' } },
  { code: 'NO_ADDRESS', text: { id: 'Tidak tahu alamat tinggal di negara tujuan', en: 'No known address at the destination' } },
  { code: 'ONE_WAY_TICKET', text: { id: 'Tidak punya tiket pulang', en: 'No return ticket' } },
  { code: 'LONG_STAY', text: { id: 'Lama tinggal jauh melebihi keperluan perjalanan', en: 'The stay is far longer than the purpose needs' } },
  // History
  { code: 'EARLIER_OVERSTAY', text: { id: 'Pernah tinggal melebihi izin, dideportasi, atau ditunda keberangkatannya', en: 'Earlier overstay, deportation or delayed departure' } },
  { code: 'EARLIER_HOLD', text: { id: 'Pernah ditunda keberangkatannya di meja klarifikasi', en: 'Held earlier at a clarification desk' } },
  { code: 'WATCH_LIST', text: { id: 'Cocok dengan daftar pengawasan', en: 'Matches the watch list' } },
  // Officer's observation and decision grounds chosen by hand
  { code: 'OBSERVED_FEAR', text: { id: 'Tampak takut atau tertekan', en: 'Appeared afraid or under pressure' } },
  { code: 'COACHED', text: { id: 'Jawaban tampak dihafalkan atau diarahkan orang lain', en: 'Answers seemed memorised or coached' } },
  { code: 'VISIBLE_INJURIES', text: { id: 'Ada luka yang terlihat', en: 'Visible injuries' } },
  { code: 'COMPANION_REFUSED', text: { id: 'Pendamping tidak mau meninggalkan pelaku perjalanan', en: 'A companion would not leave the traveller' } },
  { code: 'INCONSISTENT', text: { id: 'Jawaban tidak sesuai dengan dokumen atau jawaban sebelumnya', en: 'Answers did not match the documents or earlier answers' } },
  { code: 'NO_VALID_TRAVEL_DOCUMENT', text: { id: 'Tidak memiliki dokumen perjalanan yang sah dan berlaku', en: 'No valid travel document' } },
  { code: 'SUSPECTED_FALSE_DOCUMENT', text: { id: 'Dokumen diduga palsu atau milik orang lain', en: 'A document suspected to be false or someone else’s' } },
  { code: 'PREVENTION_LIST', text: { id: 'Masuk daftar pencegahan ke luar negeri', en: 'On the list of persons prevented from leaving Indonesia' } },
  { code: 'AUTHORITY_REQUEST', text: { id: 'Atas permintaan instansi berwenang untuk penyidikan', en: 'At the request of an authority for an investigation' } },
  { code: 'SUSPECTED_TPPO', text: { id: 'Diduga korban atau pelaku tindak pidana perdagangan orang', en: 'Suspected victim or perpetrator of human trafficking' } },
  { code: 'ROUTINE_CLARIFICATION', text: { id: 'Perlu klarifikasi lanjutan', en: 'Further clarification needed' } },
  { code: 'OTHER', text: { id: 'Alasan lain (lihat catatan petugas)', en: 'Other reason (see the officer’s note)' } },
];

const BY_CODE = new Map(REASON_CODES.map((r) => [r.code, r]));

export function reasonCode(code: string): ReasonCode | undefined {
  return BY_CODE.get(code);
}

export function isReasonCode(code: string): boolean {
  return BY_CODE.has(code);
}
