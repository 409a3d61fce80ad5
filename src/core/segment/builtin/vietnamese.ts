import type { LanguageSpec } from "./build-rules.ts";

/** Vietnamese: academic and administrative abbreviations, clause starters. */
// prettier-ignore
export const VIETNAMESE: LanguageSpec = {
  prefixes: [
    "TP.", "Tp.", "ThS.", "Th.S.", "TS.", "PGS.", "GS.", "PGS.TS.", "GS.TS.", "GS.TSKH.", "TSKH.",
    "BS.", "Bs.", "BSCKII.", "BSCKI.", "KS.", "NCS.", "CN.", "Q.", "P.", "TX.", "TT.", "H.", "X.",
    "NXB.", "Nxb.", "KTS.", "LS.", "ThS.BS.", "TS.BS.", "NSND.", "NSƯT.", "Đ/c.", "đ/c.", "Mr.", "Mrs.", "Ms.", "Dr.", "e.g.", "i.e.",
  ],
  numeric: ["tr.", "Tr.", "ĐT.", "Đt.", "Tel.", "ĐC.", "No.", "Đ.", "K.", "Vol.", "Số."],
  closing: ["cs.", "CS."],
  closingContinuations: [],
  ambiguous: ["Inc.", "Ltd.", "Co.", "Corp.", "Ph.D.", "JSC."],
  clauseStarters: [
    "Ông", "Bà", "Anh", "Chị", "Em", "Tôi", "Chúng", "Họ", "Nó", "Đây", "Đó", "Điều", "Việc",
    "Theo", "Trong", "Tuy", "Nhưng", "Khi", "Sau", "Trước", "Cũng", "Hiện", "Ngoài", "Bên", "Các",
    "Những", "Một", "Nếu", "Vì", "Do", "Tại", "Với", "Để", "Này", "Ngày", "Năm", "Hôm", "Mặc",
    "Song", "Thế", "Vậy", "Còn", "Và", "Hay", "Hoặc", "Rồi", "Từ", "Qua", "Đến", "Cho", "Được",
    "Bị", "Có", "Không", "Đã", "Đang", "Sẽ", "Chưa", "Mọi", "Mỗi", "Nhiều", "Ai", "Gì", "Sao",
    "Bao", "Nơi", "Lúc", "Cùng", "Riêng", "Ngay", "Tất", "Như", "Dù", "Bởi", "Nhờ", "Ta",
  ],
  clauseStarterPatterns: [],
  labels: [
    "Hình", "Bảng", "Biểu đồ", "Sơ đồ", "Phụ lục", "Chương", "Mục", "Điều", "Phần", "Bước", "Ví dụ",
  ],
  speechVerbs: ["hỏi", "nói", "đáp", "trả lời", "kêu", "hét", "thốt", "reo", "bảo", "gọi", "thì thầm"],
  initialsIntroducers: [],
  lowerCaseTitles: [],
  letterDesignators: [
    "nhóm", "loại", "hạng", "khu", "tòa", "lớp", "bảng", "vitamin", "viêm gan", "tầng", "cổng",
    "nhóm máu", "phương án",
  ],
  creditLabels: ["Ảnh", "Nguồn", "Biên tập", "Ảnh minh họa", "Đồ họa", "Xem thêm", "Video"],
};
