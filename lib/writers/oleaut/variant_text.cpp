// VariantChangeTypeEx(…, 0x409, 0, VT_BSTR) as the runtime does it (Wine's variant.c and
// vartype.c, read for the facts): integers in decimal, VT_BOOL as its number (0/-1), VT_R4 and
// VT_R8 with "%.7G"/"%.15G", VT_CY as its value over 10000 with "%.15G", VT_DATE in the en-US
// short date and time format, VT_EMPTY as an empty string; everything else fails. Layer: writers.
#include "writers/oleaut/variant_text.h"

#include <cmath>
#include <cstdio>

namespace tlbkit::oleaut {

namespace vt = model::vt;

std::string real_text(double d, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*G", digits, d);
  std::string s = buf;
  // The runtime never shows a negative zero: "-0", "-0.0…" become "0".
  if (!s.empty() && s[0] == '-' && s.find_first_not_of("0.", 1) == std::string::npos) s = "0";
  return s;
}

namespace {

/// VT_DATE → "M/D/YYYY h:mm:ss AM" (en-US short date, then time), the date alone when there is
/// no time of day, the time alone on day 0.
std::optional<std::string> date_text(double date) {
  // VariantTimeToSystemTime's range: years 100 to 9999.
  if (!(date > -657435.0 && date < 2958466.0)) return std::nullopt;
  double whole = date < 0 ? std::ceil(date) : std::floor(date);
  double partial = std::fabs(date - whole);
  auto seconds = static_cast<long long>(std::llround(partial * 86400.0));
  long long days = static_cast<long long>(whole) + seconds / 86400;
  seconds %= 86400;
  // Days since 1899-12-30 → civil date (proleptic Gregorian); 1899-12-30 is day 693899 counted
  // from 0000-03-01.
  long long z = days + 693899;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::string out;
  if (whole != 0.0) {
    std::snprintf(buf, sizeof buf, "%lld/%lld/%lld", m, d, y);
    out = buf;
  }
  if (whole == 0.0 || partial >= 1e-12) {
    long long h = seconds / 3600, mi = seconds / 60 % 60, s = seconds % 60;
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld %s", h % 12 == 0 ? 12 : h % 12, mi, s,
                  h < 12 ? "AM" : "PM");
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

}  // namespace

std::optional<std::string> variant_text(const model::Value& v) {
  const auto* i = std::get_if<int64_t>(&v.data);
  const auto* d = std::get_if<double>(&v.data);
  switch (v.vt) {
    case vt::Empty:
      return std::string();
    case vt::I1:
    case vt::I2:
    case vt::I4:
    case vt::Int:
    case vt::I8:
    case vt::UI1:
    case vt::UI2:
    case vt::UI4:
    case vt::UInt:
    case vt::Bool:
      if (!i) return std::nullopt;
      return std::to_string(*i);
    case vt::UI8:
      if (!i) return std::nullopt;
      return std::to_string(static_cast<uint64_t>(*i));
    case vt::R4:
      if (!d) return std::nullopt;
      return real_text(static_cast<float>(*d), 7);
    case vt::R8:
      if (!d) return std::nullopt;
      return real_text(*d, 15);
    case vt::Cy:
      if (!i) return std::nullopt;
      return real_text(static_cast<double>(*i) / 10000.0, 15);
    case vt::Date:
      if (!d) return std::nullopt;
      return date_text(*d);
    case vt::Decimal:  // the runtime fills only the low 64 bits of a typelib DECIMAL
      if (!i) return std::nullopt;
      return std::to_string(static_cast<uint64_t>(*i));
    default:
      // NULL, ERROR, HRESULT, VOID, interface pointers (always NULL in a typelib), VARIANT and
      // anything that is no valid VARIANT type: the conversion fails.
      return std::nullopt;
  }
}

}  // namespace tlbkit::oleaut
