/** Behaviour of the built-in rules beyond the seed hazards (issue 3). */
import { describe, expect, it } from "vitest";
import { segmentParagraph } from "../../../src/core/segment/segment.ts";
import type { Lang } from "../../../src/core/model/languages.ts";

const seg = (lang: Lang) => (text: string) => segmentParagraph(text, lang);
const id = seg("id");
const en = seg("en");
const vi = seg("vi");

describe("Indonesian abbreviations", () => {
  it("titles and address abbreviations never end a sentence", () => {
    expect(
      id("Kantornya di Jl. Merdeka No. 5, Kec. Gambir, Kab. Bogor. Prof. Dr. Ir. H. Ahmad hadir."),
    ).toEqual([
      "Kantornya di Jl. Merdeka No. 5, Kec. Gambir, Kab. Bogor.",
      "Prof. Dr. Ir. H. Ahmad hadir.",
    ]);
    expect(
      id("Surat ditujukan kepada Yth. Bapak Camat a.n. Kepala Dinas u.p. Sdr. Budi."),
    ).toHaveLength(1);
    expect(id("Kegiatan berlangsung Senin s.d. Jumat pukul 08.00 s.d. 16.00 WIB.")).toHaveLength(1);
    expect(id("Lihat hlm. 23 dan Rp. 5.000 pada Tgl. 5 Mei.")).toHaveLength(1);
  });

  it("contact, RT/RW and historical title abbreviations", () => {
    expect(
      id("Hubungi Telp. (021) 555-1234 atau HP. +62 812 3456. Kami buka 24 jam."),
    ).toHaveLength(2);
    expect(id("Ia tinggal di RT. 05 RW. 02, Kel. Sukajadi. Rumahnya dekat masjid.")).toHaveLength(
      2,
    );
    expect(
      id("Naskah dirumuskan oleh Mr. Soepomo dan Mr. Mohammad Yamin. Keduanya ahli hukum."),
    ).toEqual([
      "Naskah dirumuskan oleh Mr. Soepomo dan Mr. Mohammad Yamin.",
      "Keduanya ahli hukum.",
    ]);
  });

  it("names with a lower-case prefix start sentences", () => {
    expect(
      id("Ponsel itu dirilis kemarin. iPhone 16 dijual mulai Rp 15 juta. e-KTP wajib dibawa."),
    ).toHaveLength(3);
  });

  it("inline bullets start sentences", () => {
    expect(id("Syarat: • Sehat. • Jujur.")).toEqual(["Syarat: • Sehat.", "• Jujur."]);
  });

  it("sentence-final dll., dsb., dkk. still break before a capitalised word", () => {
    expect(id("Ia membeli beras, gula, minyak, dll. Harganya naik.")).toEqual([
      "Ia membeli beras, gula, minyak, dll.",
      "Harganya naik.",
    ]);
    expect(id("Ada sayur, buah, dsb. yang dijual murah.")).toHaveLength(1);
    expect(id("Penelitian Santoso dkk. (2020) menunjukkan hal serupa.")).toHaveLength(1);
  });

  it("degrees and company suffixes after a name break like words, but not before ( or another degree", () => {
    expect(id("Sidang dipimpin Budi Santoso, S.H., M.H. Ia membuka sidang.")).toEqual([
      "Sidang dipimpin Budi Santoso, S.H., M.H.",
      "Ia membuka sidang.",
    ]);
    expect(id("Pasien dirawat oleh dr. Andi, Sp.A. Kondisinya membaik.")).toHaveLength(2);
    expect(id("Pasien dirawat oleh dr. Andi, Sp.A. di RSUD Cibinong.")).toHaveLength(1);
    expect(id("Rapat dipimpin Dr. Rina Wati, S.E. M.Si. dari Bappeda.")).toHaveLength(1);
    expect(
      id(
        "PT Bank Central Asia Tbk. (BBCA) mencatat laba. Proyek dikerjakan PT Waskita Karya Tbk. Nilainya Rp 2 triliun.",
      ),
    ).toEqual([
      "PT Bank Central Asia Tbk. (BBCA) mencatat laba.",
      "Proyek dikerjakan PT Waskita Karya Tbk.",
      "Nilainya Rp 2 triliun.",
    ]);
  });

  it("initials in names are not breaks", () => {
    expect(id("Presiden B.J. Habibie dan Susilo B. Yudhoyono bertemu.")).toHaveLength(1);
    expect(id("Tokoh itu adalah R.M. Soeripto. Ia lahir di Solo.")).toEqual([
      "Tokoh itu adalah R.M. Soeripto.",
      "Ia lahir di Solo.",
    ]);
    expect(id("Kadar vitamin C. Selain itu, zat besi juga penting.")).toHaveLength(2);
  });
});

describe("numbers, dates, references", () => {
  it("decimal, time, section and date formats are not breaks", () => {
    expect(
      id(
        "Inflasi 3,5 persen; harga Rp 1.500.000,50; rapat pukul 10.30 WIB di bagian 1.2.3 pada 1/11/2025.",
      ),
    ).toHaveLength(1);
  });

  it("a number at the end of a sentence still breaks", () => {
    expect(id("Jumlah peserta mencapai 2.500. Angka itu rekor.")).toEqual([
      "Jumlah peserta mencapai 2.500.",
      "Angka itu rekor.",
    ]);
    expect(id("Rapat berakhir tahun 2024. 72 negara menandatangani.")).toHaveLength(2);
  });

  it("list numbering at the start of a sentence or after a colon is not a break", () => {
    expect(id("1. Desa adalah kesatuan masyarakat hukum.")).toHaveLength(1);
    expect(id("Syaratnya: 1. Sehat jasmani; 2. Berusia 17 tahun.")).toHaveLength(1);
    expect(id("Berikut syaratnya. a. Sehat jasmani. b. Jujur.")).toEqual([
      "Berikut syaratnya.",
      "a. Sehat jasmani.",
      "b. Jujur.",
    ]);
    expect(id("I. PENDAHULUAN")).toHaveLength(1);
    expect(id("Tabel 2. Karakteristik responden penelitian")).toHaveLength(1);
  });

  it("legal references are not breaks", () => {
    expect(
      id("Sesuai Pasal 64 ayat (1) huruf a UU No. 11 Tahun 2008, hal itu dilarang."),
    ).toHaveLength(1);
  });
});

describe("punctuation", () => {
  it("ellipses and ?! combinations break before a capital only", () => {
    expect(id("Tunggu... Dia datang! Benarkah?! Ya.")).toEqual([
      "Tunggu...",
      "Dia datang!",
      "Benarkah?!",
      "Ya.",
    ]);
    expect(id("Dia bilang... entahlah, aku lupa.")).toHaveLength(1);
  });

  it("closing quotes and brackets stay with the sentence", () => {
    expect(id("Ia berkata, “Kita mulai.” Semua setuju. (Acara selesai.) Lalu pulang.")).toEqual([
      "Ia berkata, “Kita mulai.”",
      "Semua setuju.",
      "(Acara selesai.)",
      "Lalu pulang.",
    ]);
  });

  it("? or ! inside quotes followed by a lower-case reporting clause is not a break", () => {
    expect(id("“Kamu sudah makan?” tanya Ibu. “Belum!” jawabku.")).toEqual([
      "“Kamu sudah makan?” tanya Ibu.",
      "“Belum!” jawabku.",
    ]);
  });

  it("a line without final punctuation (headline) is one segment", () => {
    expect(id("Presiden Buka Konferensi Keamanan Siber di Hanoi")).toHaveLength(1);
  });
});

describe("English and Vietnamese", () => {
  it("English titles, Latin abbreviations and U.S. mid-sentence versus at the end", () => {
    expect(en("Mr. Smith met Dr. Jones, e.g. at 5 p.m. on Friday.")).toHaveLength(1);
    expect(en("The U.S. Army arrived. They moved to the U.S. The war ended.")).toEqual([
      "The U.S. Army arrived.",
      "They moved to the U.S.",
      "The war ended.",
    ]);
    expect(en("See No. 5 and p. 23 for the apples, pears, etc. Then stop.")).toHaveLength(2);
  });

  it("Vietnamese titles and place abbreviations", () => {
    expect(vi("PGS.TS. Nguyễn Văn An làm việc tại TP. Hồ Chí Minh. Ông sinh năm 1970.")).toEqual([
      "PGS.TS. Nguyễn Văn An làm việc tại TP. Hồ Chí Minh.",
      "Ông sinh năm 1970.",
    ]);
    expect(vi("ThS. Lê Thị Hoa sống ở Q. 3, TP.HCM. Bà là giảng viên.")).toHaveLength(2);
  });
});

describe("gaps found by the fresh held-out sets", () => {
  it("an initial ends a sentence before an Indonesian nominalisation or passive verb", () => {
    expect(
      id("Tamu itu diterima oleh Sri Sultan Hamengku Buwono X. Pertemuan berlangsung singkat."),
    ).toEqual([
      "Tamu itu diterima oleh Sri Sultan Hamengku Buwono X.",
      "Pertemuan berlangsung singkat.",
    ]);
    expect(id("Laporan itu ditulis oleh Budi S. Dilaporkan pula dua korban luka.")).toHaveLength(2);
    expect(id("Kecelakaan itu menimpa Agus T. Kejadian itu pukul 05.00 WIB.")).toHaveLength(2);
    // ... but not before a name
    expect(id("Pidato itu dibacakan Susilo B. Yudhoyono di depan DPR.")).toHaveLength(1);
    expect(id("Ditemani R. Permana dan W.R. Supratman, ia berangkat.")).toHaveLength(1);
  });

  it("a capital letter after a number is a unit, not an initial", () => {
    expect(id("Dayanya 67 W. Harganya Rp 3,9 juta.")).toEqual([
      "Dayanya 67 W.",
      "Harganya Rp 3,9 juta.",
    ]);
    expect(en("The bulb draws 60 W. It lasts two years.")).toHaveLength(2);
    expect(id("Surat dari Dr. A. Hakim sudah diterima.")).toHaveLength(1);
  });

  it("Th. before a year and capitalised forms of lower-case abbreviations", () => {
    expect(id("Berdasarkan Perda No. 9 Th. 2019, denda dinaikkan.")).toHaveLength(1);
    expect(en("Approx. 12% of respondents did not answer. The rest did.")).toEqual([
      "Approx. 12% of respondents did not answer.",
      "The rest did.",
    ]);
    expect(id("Ia tinggal di sana. Spt. biasa, ia datang pagi.")).toHaveLength(2);
  });

  it("a stop glued between two capitalised words breaks only before a clause starter", () => {
    expect(id("Mereka tiba di Doha.Sementara itu, tiga WNI menunggu.")).toEqual([
      "Mereka tiba di Doha.",
      "Sementara itu, tiga WNI menunggu.",
    ]);
    expect(id("Perkara 45/Pid.Sus/2024/PN Jkt.Pst diputus hari ini.")).toHaveLength(1);
    expect(id("Gudang di Kab.Bogor terbakar.")).toHaveLength(1);
    expect(
      en("Add using System.Threading; and System.Collections.Generic to the file."),
    ).toHaveLength(1);
  });

  it("a.m./p.m. end a sentence before any capitalised word but a weekday or time zone", () => {
    expect(en("The meeting ended at 5 p.m. Officials said more would follow.")).toEqual([
      "The meeting ended at 5 p.m.",
      "Officials said more would follow.",
    ]);
    expect(en("Polls close at 8 p.m. Tuesday in most states.")).toHaveLength(1);
    expect(en("The launch is set for 9:30 a.m. EST on the coast.")).toHaveLength(1);
    expect(en("Doors open at 9 a.m. (local time).")).toHaveLength(1);
  });
});

describe("Indonesian ranks, identity numbers, references and company suffixes", () => {
  it("ranks, corps and bracketed titles never end a sentence", () => {
    expect(id("Upacara dipimpin Kolonel Inf. Andi Wirawan dan Bripda. Rudi Hartono.")).toHaveLength(
      1,
    );
    expect(id("Hadir pula Jenderal TNI (Purn.) Moeldoko dalam acara itu.")).toHaveLength(1);
  });

  it("identity numbers, reference numbers and citations are arguments, not ends", () => {
    expect(id("Ditandatangani oleh Budi Santoso, NIP. 19650101 199003 1 002.")).toHaveLength(1);
    expect(id("Lihat Psl. 5 ay. 2 dan Gbr. 3 pada h. 45.")).toHaveLength(1);
  });

  it("company suffixes chain, tsb. ends a sentence before a capital", () => {
    expect(id("Kontrak diteken dengan Sinar Mas Pte. Ltd. di Singapura.")).toHaveLength(1);
    expect(id("Ia membeli rumah tsb. Harganya Rp 1 miliar.")).toEqual([
      "Ia membeli rumah tsb.",
      "Harganya Rp 1 miliar.",
    ]);
  });

  it("more speech verbs after a quotation and a capitalised speaker", () => {
    expect(id("“Tidak!” Rina menjerit. Semua menoleh.")).toEqual([
      "“Tidak!” Rina menjerit.",
      "Semua menoleh.",
    ]);
  });
});

describe("number abbreviations before a capitalised word, H. as an initial, glued acronyms", () => {
  it("No., Telp. and Kep. never end a sentence, also before a capital", () => {
    expect(id("Cantumkan No. HP dan No. Rek. Anda, serta Telp. Kantor.")).toHaveLength(1);
    expect(id("Pulau itu masuk wilayah Kab. Adm. Kep. Seribu, DKI Jakarta.")).toHaveLength(1);
  });

  it("H. is a title before a name but an initial before a clause starter", () => {
    expect(id("Sambutan disampaikan oleh H. Ahmad Fauzi.")).toHaveLength(1);
    expect(id("Surat itu ditandatangani Budi H. Ia lalu pergi.")).toHaveLength(2);
  });

  it("a stop glued after an acronym or a number before a clause starter", () => {
    expect(id("Acara dimulai pukul 09.00 WIB.Sementara itu, peserta berdatangan.")).toHaveLength(2);
    expect(id("Proyek itu selesai pada 2024.Kemudian pemerintah meresmikannya.")).toHaveLength(2);
    expect(id("Rilis ASP.NET Core 8 dan Microsoft.AspNetCore tetap utuh.")).toHaveLength(1);
  });
});

describe("credit labels and English ext.", () => {
  it("a credit label after a stop starts a segment, even after an initial", () => {
    expect(id("Penulis: Andi S. Editor: Rina W.")).toEqual(["Penulis: Andi S.", "Editor: Rina W."]);
    expect(en("Reporting by John D. Editing by Mark P.")).toHaveLength(1);
    expect(en("Reporting by John D. Editor: Mark P.")).toHaveLength(2);
    expect(vi("Bài viết của ThS. Nguyễn Văn A. Ảnh: TTXVN")).toHaveLength(2);
  });

  it("ext. before a number", () => {
    expect(en("Call me at 555-1234 ext. 12. Thanks.")).toEqual([
      "Call me at 555-1234 ext. 12.",
      "Thanks.",
    ]);
  });
});

describe("regressions", () => {
  it.each(["dkk.Presiden.Tabel 2.", ")Ông.Tabel 2.", "a)Adkk.Tabel 2.", "x.Doha.Sementara itu."])(
    "glued text segments the same once cut: %s",
    (text) => {
      for (const sentence of id(text)) expect(id(sentence)).toEqual([sentence]);
    },
  );

  it("an outline number at a line start after a heading without a stop is a marker", () => {
    expect(
      id("Bab II. Tinjauan Pustaka\n2.1. Konsep Dasar\nMenurut Sugiyono, populasi luas."),
    ).toEqual([
      "Bab II. Tinjauan Pustaka",
      "2.1. Konsep Dasar",
      "Menurut Sugiyono, populasi luas.",
    ]);
  });

  it("code-like dotted names after / or ( stay whole", () => {
    expect(id("Buka berkas src/app.Component lalu (obj.Method) dipanggil.")).toHaveLength(1);
  });

  it("a long number after a colon ends a sentence, a short one is a list marker", () => {
    expect(id("Firman itu ada dalam QS. Al-Baqarah: 183. Puasa diwajibkan.")).toHaveLength(2);
    expect(id("Syarat: 1. Sehat; 2. Jujur.")).toHaveLength(1);
  });

  it("religious and vessel prefixes, Ad. in court decisions", () => {
    expect(id("Nabi bersabda (HR. Bukhari). Hadis ini sahih.")).toHaveLength(2);
    expect(id("Kapal KM. Sinar Bangun tenggelam pada 2018.")).toHaveLength(1);
    expect(id("Ad. 1. Unsur setiap orang telah terpenuhi.")).toHaveLength(1);
  });
});

describe("letters that designate a group, a type or a vitamin", () => {
  it("end a sentence before a capital, unlike initials", () => {
    expect(id("Indonesia tergabung di Grup C. Lawan pertama adalah Jepang.")).toEqual([
      "Indonesia tergabung di Grup C.",
      "Lawan pertama adalah Jepang.",
    ]);
    expect(id("Pasien kekurangan vitamin D. Dokter menyarankan suplemen.")).toHaveLength(2);
    expect(en("Brazil was drawn in Group B. Their first match is in June.")).toHaveLength(2);
    expect(vi("Đội tuyển nằm ở bảng C. Trận đầu tiên gặp Nhật Bản.")).toHaveLength(2);
    // an initial after a name still needs a clause starter
    expect(id("Pidato itu dibacakan Susilo B. Yudhoyono di depan DPR.")).toHaveLength(1);
    expect(id("Kantornya di Jl. A. Yani No. 5, Surabaya.")).toHaveLength(1);
  });
});

describe("speakers with titles after a quotation", () => {
  it("up to five capitalised words before the speech verb", () => {
    expect(id("“Kami siap!” Kapolda Metro Jaya Irjen Karyoto menegaskan. Ia lalu pergi.")).toEqual([
      "“Kami siap!” Kapolda Metro Jaya Irjen Karyoto menegaskan.",
      "Ia lalu pergi.",
    ]);
    expect(id("“Kenapa?” Dr. Andi bertanya.")).toHaveLength(1);
    expect(en('"Stop!" Officer John Smith shouted.')).toHaveLength(1);
    expect(id("“Awas!” Budi Santoso datang terlambat.")).toHaveLength(2);
    // three dots as the ellipsis character
    expect(id('"Aku tidak tahu..." Rina berbisik. Ia menunduk.')).toHaveLength(2);
    expect(id("“Aku tidak tahu…” Rina berbisik. Ia menunduk.")).toHaveLength(2);
  });
});

describe("lower-case titles at a sentence start", () => {
  it("dr., drg. before a name start a sentence", () => {
    expect(id("Kasus DBD menurun. dr. Reisa Broto Asmoro menjelaskan penyebabnya.")).toEqual([
      "Kasus DBD menurun.",
      "dr. Reisa Broto Asmoro menjelaskan penyebabnya.",
    ]);
    expect(id("Ia dirujuk ke Yth. dr. Andi di RSUD dr. Soetomo.")).toHaveLength(1);
  });
});
