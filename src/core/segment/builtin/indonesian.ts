import type { LanguageSpec } from "./build-rules.ts";

/** Indonesian: abbreviations (KBBI and newsroom usage), academic degrees, clause starters. */
// prettier-ignore
export const INDONESIAN: LanguageSpec = {
  prefixes: [
    // titles and honorifics
    "Dr.", "dr.", "drg.", "Drs.", "Dra.", "Prof.", "Ir.", "Eng.", "Hj.", "KH.", "K.H.", "Sdr.",
    "Sdri.", "Bpk.", "Bp.", "Yth.", "yth.", "Ny.", "Nn.", "Tn.", "Pdt.", "Rm.", "Moh.", "Moch.",
    "Muh.", "Mhd.", "Abd.", "Kol.", "Letkol.", "Mayjen.", "Brigjen.", "Letjen.", "Jend.", "Kapt.",
    "Serka.", "Pol.", "Adv.", "Mgr.", "Mr.", "St.", "drh.", "Ns.", "Iptu.", "Ipda.", "Aiptu.", "Bripka.", "Brigpol.", "Serda.",
    "Sertu.", "Letda.", "Lettu.", "PT.", "CV.", "UD.", "PD.", "Fa.",
    "KM.", "KMP.", "QS.", "HR.", "Ust.", "Ustz.", "Tgk.", "Rd.", "Gst.", "Ngr.", "Bgs.", "Ach.", "Purn.",
    // police and military ranks and corps ("Kolonel Inf. Andi", "Bripda. Rudi")
    "Bripda.", "Briptu.", "Aipda.", "Kompol.", "Kombes.", "Pelda.", "Peltu.", "Serma.", "Kopda.",
    "Koptu.", "Praka.", "Pratu.", "Prada.", "Inf.", "Czi.", "Arh.", "Cba.", "Cpm.", "Chk.",
    "Ckm.", "Pnb.", "Tek.", "Kes.",
    // addresses and administrative units
    "Jl.", "Jln.", "Gg.", "Kab.", "Kec.", "Kel.", "Ds.", "Dsn.", "Kp.", "Prov.", "Komp.", "Perum.",
    "Kav.", "Ps.", "Lt.", "Bag.", "Adm.", "Rek.", "rek.",
    // numbers, also before a capitalised word: "No. HP", "Telp. Kantor", "Kep. Seribu" (Kepulauan)
    "No.", "Telp.", "Tlp.", "Fax.", "Faks.", "Kep.",
    // in-sentence abbreviations
    "a.n.", "u.p.", "u.b.", "s.d.", "d.a.", "q.q.", "c.q.", "cq.", "qq.", "a.l.", "Rp.", "Tgl.", "tgl.", "Pkl.",
    "pkl.", "lih.", "Lih.", "bdk.", "Bdk.", "sbg.", "yg.", "dgn.", "utk.", "thd.", "spt.", "kpd.",
    "sbb.", "ttg.", "pd.", "jo.", "Jo.", "dok.", "Dok.", "mis.", "Mis.", "sda.", "tdk.", "sdh.", "blm.", "krn.", "jg.", "org.",
    "dlm.", "bhw.", "spy.", "e.g.", "i.e.", "cf.", "vs.", "ttd.", "terj.", "Ket.", "Kompl.", "Kpts.", "dto.",
    // in listings: "Hub. Bu Wati", "min. SMA", "maks. SMP"
    "Hub.", "min.", "maks.",
  ],
  numeric: [
    "no.", "Km.", "km.", "RT.", "RW.", "telp.", "Tel.", "HP.", "Hp.",
    "pk.", "Pk.", "maks.", "Maks.", "min.", "Min.", "Hlm.", "hlm.", "Hal.", "hal.", "Vol.", "vol.", "Jil.", "ps.",
    "Thn.", "thn.", "Th.", "th.", "Ed.", "ed.", "Ayat.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Agu.", "Agt.",
    "Ags.", "Sep.", "Sept.", "Okt.", "Nov.", "Des.",
    // references and identity numbers ("Psl. 5", "Gbr. 3", "h. 45", "NIP. 19650101...")
    "Psl.", "psl.", "ay.", "Gbr.", "gbr.", "Tab.", "tab.", "Lamp.", "lamp.", "Gol.", "gol.", "h.", "p.", "pp.",
    "Stb.", "cet.", "Cet.", "NIP.", "NIK.", "NRP.", "NIM.", "NIDN.", "NPWP.",
    "Ext.", "ext.", "Ad.",
    // scripture references ("Yoh. 3:16", "Mzm. 23")
    "Kej.", "Mzm.", "Yes.", "Mat.", "Mrk.", "Luk.", "Yoh.", "Kis.", "Why.",
  ],
  closing: [
    "dkk.", "et al.", "dll.", "dsb.", "dst.", "tsb.", "ybs.",
    // academic and professional degrees, written after names
    "S.H.", "M.H.", "S.E.", "M.M.", "M.Si.", "M.Sc.", "S.Kom.", "M.Kom.", "S.Pd.", "M.Pd.", "S.T.",
    "M.T.", "S.Sos.", "S.Ag.", "M.Ag.", "S.Psi.", "M.Psi.", "S.Ked.", "Sp.A.", "Sp.PD.", "Sp.OG.",
    "Sp.B.", "Sp.JP.", "M.Kes.", "S.Kep.", "Ph.D.", "M.A.", "B.A.", "S.S.", "M.Hum.", "S.IP.",
    "S.Farm.", "Apt.", "A.Md.", "Amd.", "Lc.", "S.Th.", "S.Tr.", "M.Eng.", "S.Si.", "S.Hut.",
    "S.Gz.", "S.Pd.I.", "M.Pd.I.", "S.H.I.", "S.Sy.", "S.Ak.", "S.Kes.", "S.K.M.", "S.Stat.", "S.Ds.",
    "S.Sn.", "M.Sn.", "M.Kn.", "M.Kep.", "M.P.", "S.P.", "M.Ak.", "Ak.", "CPA.", "S.I.K.",
    "S.Hum.", "M.Sos.", "M.T.I.", "S.I.Kom.", "M.I.Kom.", "M.AP.", "M.A.P.", "Dipl.", "MBA.",
    "Sp.An.", "Sp.BA.", "Sp.BS.", "Sp.KJ.", "Sp.KK.", "Sp.DV.", "Sp.DVE.", "Sp.M.", "Sp.N.",
    "Sp.S.", "Sp.OT.", "Sp.P.", "Sp.PK.", "Sp.PA.", "Sp.Rad.", "Sp.RM.", "Sp.THT.", "Sp.THT-KL.",
    "Sp.U.", "Sp.F.", "Sp.GK.", "Sp.MK.", "Sp.KO.", "Sp.EM.", "Sp.BTKV.", "Sp.FK.",
    // company suffixes
    "Tbk.", "Inc.", "Ltd.", "Co.", "Corp.", "Pte.", "Sdn.", "Bhd.", "Plc.", "LLC.",
  ],
  closingContinuations: [],
  ambiguous: [],
  clauseStarters: [
    "Ia", "Dia", "Beliau", "Mereka", "Kami", "Kita", "Saya", "Aku", "Anda", "Engkau", "Kamu", "Ini",
    "Itu", "Hal", "Namun", "Tetapi", "Tapi", "Akan", "Selain", "Selanjutnya", "Kemudian", "Lalu",
    "Setelah", "Sebelum", "Sebelumnya", "Sementara", "Sedangkan", "Dengan", "Dalam", "Pada", "Di",
    "Ke", "Dari", "Untuk", "Bagi", "Menurut", "Sejak", "Karena", "Oleh", "Jika", "Apabila", "Bila",
    "Kalau", "Walaupun", "Meskipun", "Walau", "Meski", "Adapun", "Bahkan", "Juga", "Maka",
    "Sebagai", "Para", "Tidak", "Tak", "Hingga", "Sampai", "Saat", "Ketika", "Pihaknya", "Semua",
    "Setiap", "Tiap", "Banyak", "Sebuah", "Seorang", "Salah", "Kini", "Sekarang", "Kemarin",
    "Besok", "Selama", "Agar", "Supaya", "Sehingga", "Atas", "Tentang", "Terkait", "Mengenai",
    "Apa", "Siapa", "Mengapa", "Kenapa", "Bagaimana", "Kapan", "Berdasarkan", "Sesuai", "Yang",
    "Ada", "Sudah", "Telah", "Masih", "Belum", "Harus", "Perlu", "Begitu", "Demikian", "Sebab",
    "Padahal", "Bukan", "Mari", "Tolong", "Silakan", "Sebanyak", "Sekitar", "Kedua", "Ketiga",
    "Pertama", "Acara", "Kegiatan", "Hasil", "Tahun", "Hari", "Bulan", "Minggu", "Keduanya", "Jangan", "Harap", "Mohon", "Pastikan", "Gunakan", "Klik", "Tekan", "Buka",
    "Simpan", "Periksa",
    "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Senin",
  ],
  // nominalisations pe(N)-/per-...-an and ke-...-an, passive di-...-kan: "Pertemuan", "Kegiatan",
  // "Ditemukan" (names rarely have these forms)
  clauseStarterPatterns: [
    "Pe(?:r|m|n|ng|ny)?\\p{Ll}{2,}an", "Ke\\p{Ll}{3,}an", "Di\\p{Ll}{2,}kan",
  ],
  labels: [
    "Tabel", "Gambar", "Grafik", "Bagan", "Diagram", "Lampiran", "Bab", "Bagian", "Pasal", "Contoh",
    "Langkah", "Tahap", "Ad.", "Skema", "Peta", "Foto",
  ],
  speechVerbs: [
    "bertanya", "berkata", "menjawab", "berteriak", "berseru", "bergumam", "berbisik", "menambahkan",
    "menjelaskan", "mengatakan", "menegaskan", "menyahut", "membalas", "bertanya-tanya",
    "menjerit", "memekik", "menyela", "berujar", "berucap", "menimpali", "memotong", "menukas",
    "mengeluh", "menggerutu", "membentak", "menghardik", "menyergah", "menyeletuk", "memohon",
    "membantah", "menyanggah", "melanjutkan", "memanggil", "menyapa",
  ],
  initialsIntroducers: ["berinisial", "inisial", "Inisial"],
  lowerCaseTitles: ["dr.", "drg.", "drh."],
  letterDesignators: [
    "Grup", "Tipe", "Kelas", "Vitamin", "Hepatitis", "Golongan", "Zona", "Gerbang", "Pintu", "Blok",
    "Seri", "Huruf", "Kategori", "Opsi", "Ruang", "Paviliun", "Sektor", "Klaster", "Kelompok",
    "Varian", "Kode", "Gelombang", "Babak", "Kuadran", "Paket", "Lajur", "Jalur", "Peron", "Sesi",
    "Wing", "Sayap", "Plan", "Model", "Pola", "Skenario", "Level", "Tingkat", "Divisi", "Liga",
    "Pool", "Lantai", "golongan darah",
  ],
  creditLabels: [
    "Foto", "Sumber", "Editor", "Penulis", "Reporter", "Pewarta", "Redaktur", "Penyunting",
    "Ilustrasi", "Grafis", "Kontributor", "Baca juga", "Baca Juga", "Video",
  ],
};
