// Bad input proof (issue 2, item 5): every corpus typelib truncated at many offsets and mutated
// throughout must either read or be rejected with an error that names the file and a byte
// offset — never a crash, a hang, an exception or a partial output — and the input errors a
// person meets first (wrong magic, PE without TYPELIB, missing path, directory, absent resource)
// give one clear error and exit code 1. Layer: tests.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/resource.h>
#include <unistd.h>

#include "driver/corpus_util.h"
#include "driver/driver.h"
#include "driver/inputs.h"
#include "model/library_set.h"
#include "readers/tlb/tlb_reader.h"
#include "writers/json/json_writer.h"
#include "writers/oleaut/oleaut_writer.h"
#include "writers/text/text_writer.h"

using namespace tlbkit;
using namespace tlbkit::testing;
namespace fs = std::filesystem;

namespace {

// ---- Tuning ----------------------------------------------------------------------------------
// The whole file must stay well under a minute on two cores in a normal build. Mutation runs
// read the whole library, so big files get fewer of them: kMutationByteBudget bytes of input per
// file, between kMinMutations and kMaxMutations runs. TLBKIT_FAULT_SCALE=N multiplies the
// mutation counts for a deeper run by hand.
constexpr size_t kEvenTruncations = 64;
constexpr size_t kHeadTruncations = 512;      // every length below this
constexpr size_t kAroundResource = 48;        // every length within this of the blob's start
constexpr size_t kResourceHeadTruncations = 256;  // every length this far into the blob
constexpr uint64_t kMutationByteBudget = 24ull << 20;
constexpr uint64_t kMinMutations = 24, kMaxMutations = 300;
constexpr uint64_t kSeed = 0x746c626b6974ull;  // "tlbkit": fixed, so every run is the same
constexpr double kSlowRunSeconds = 10;         // one read taking this long counts as a hang
constexpr size_t kReportedPerCase = 8;         // problems shown per file; all are counted
constexpr size_t kSweepBytes = 4096;           // fields swept to edge values: the blob's first KiBs
[[maybe_unused]] constexpr uint64_t kAddressSpaceHeadroom = 1ull << 30;  // more than any sound read needs

uint64_t scale() {
  const char* s = std::getenv("TLBKIT_FAULT_SCALE");
  long v = s ? std::atol(s) : 1;
  return v > 0 ? static_cast<uint64_t>(v) : 1;
}

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3ull;
  return h;
}

std::vector<uint8_t> read_bytes(const fs::path& p) {
  std::string s = slurp(p);
  std::vector<uint8_t> out(s.size());
  std::memcpy(out.data(), s.data(), s.size());
  return out;
}

// ---- One run ---------------------------------------------------------------------------------

/// The libraries the writers may look types up in, read once (stdole 2.0 and 1.0).
const model::LibrarySet& builtin_set() {
  static const model::LibrarySet set = [] {
    model::LibrarySet s;
    for (auto& lib : driver::builtin_libraries()) s.add(std::move(lib));
    return s;
  }();
  return set;
}

std::string diag_text(const support::DiagEngine& diags) {
  std::string s;
  for (const auto& d : diags.all()) s += support::format_diagnostic(d, support::DiagStyle::Gcc);
  return s.empty() ? "(no diagnostics)\n" : s;
}

/// An optional file that receives each input before it is read, so that a crash leaves the input
/// that caused it behind (TLBKIT_FAULT_BREADCRUMB=FILE; for triage only: it is slow).
void leave_breadcrumb(std::span<const uint8_t> bytes) {
  static const char* path = std::getenv("TLBKIT_FAULT_BREADCRUMB");
  if (!path) return;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

/// TLBKIT_FAULT_SAVE=DIR keeps each input that breaks a rule as DIR/fault-NNNN-NAME, ready to be
/// replayed or filed as a reproducer.
void save_problem_input(std::span<const uint8_t> bytes, const std::string& path) {
  static const char* dir = std::getenv("TLBKIT_FAULT_SAVE");
  static int counter = 0;
  if (!dir) return;
  char num[16];
  std::snprintf(num, sizeof num, "%04d", counter++);
  fs::create_directories(dir);
  std::ofstream out(fs::path(dir) / ("fault-" + std::string(num) + "-" + fs::path(path).filename().string()),
                    std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

struct Tally {
  uint64_t runs = 0, read = 0, rejected = 0, problems = 0;
  double slowest = 0;
};

/// Reads `bytes` as the driver does and writes every output of a library that read. Returns an
/// empty string when the outcome is acceptable, else what went wrong.
std::string run_one(std::span<const uint8_t> bytes, const std::string& path,
                    std::optional<uint32_t> resource, Tally& tally) {
  leave_breadcrumb(bytes);
  ++tally.runs;
  support::DiagEngine diags;
  auto start = std::chrono::steady_clock::now();
  std::string problem;
  try {
    auto lib = tlb::read_typelib(bytes, path, resource, diags);
    if (lib && !diags.has_errors()) {
      model::resolve_import_names(*lib, builtin_set());
      (void)json::write_json(*lib);
      (void)oleaut::write_listing(*lib, builtin_set());
      (void)text::write_text(*lib, builtin_set());
      ++tally.read;
    } else if (!diags.has_errors()) {
      problem = "no library and no error";
    } else {
      bool located = false;
      for (const auto& d : diags.all())
        located |= d.severity == support::Severity::Error && d.where.file == path &&
                   d.where.offset.has_value();
      if (located) ++tally.rejected;
      else problem = "rejected without an error naming the file and a byte offset: " + diag_text(diags);
    }
  } catch (const std::exception& e) {
    problem = std::string("threw (exit code 3): ") + e.what();
  } catch (...) {
    problem = "threw a non-standard exception (exit code 3)";
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  tally.slowest = std::max(tally.slowest, secs);
  if (problem.empty() && secs > kSlowRunSeconds)
    problem = "took " + std::to_string(secs) + " s (a hang?)";
  if (!problem.empty()) {
    ++tally.problems;
    save_problem_input(bytes, path);
  }
  return problem;
}

/// Where the library's bytes are in the file: the TYPELIB resource of a PE file, or the whole file.
struct Blob {
  uint64_t start = 0, size = 0;
};
Blob find_blob(const std::vector<uint8_t>& bytes, const std::string& path, uint32_t resource) {
  if (bytes.size() < 2 || bytes[0] != 'M' || bytes[1] != 'Z') return {0, bytes.size()};
  support::DiagEngine quiet;
  for (const auto& r : tlb::list_typelib_resources(bytes, path, quiet))
    if (r.id == (resource ? resource : 1) && r.file_offset <= bytes.size() &&
        r.size <= bytes.size() - r.file_offset)
      return {r.file_offset, r.size};
  return {0, bytes.size()};  // container not readable yet: treat the whole file as the blob
}

bool selected(const CorpusCase& c) {
  const char* only = std::getenv("TLBKIT_FAULT_ONLY");
  return !only || c.display().find(only) != std::string::npos;
}

std::optional<uint32_t> resource_of(const CorpusCase& c) {
  return c.resource ? std::optional<uint32_t>(c.resource) : std::nullopt;
}

/// Reports a problem (the first few per file in full) for the case being run.
void report(const CorpusCase& c, const std::string& what, const std::string& problem,
            size_t& shown) {
  if (problem.empty()) return;
  if (shown++ < kReportedPerCase) FAIL_CHECK(c.display() << " " << what << ": " << problem);
}

// ---- Truncation ------------------------------------------------------------------------------

std::set<size_t> truncation_lengths(size_t size, const Blob& blob) {
  std::set<size_t> lengths;
  for (size_t i = 0; i < kEvenTruncations; ++i) lengths.insert(size * i / kEvenTruncations);
  for (size_t n = 0; n < std::min(size, kHeadTruncations); ++n) lengths.insert(n);
  if (blob.start > 0) {
    size_t from = blob.start > kAroundResource ? blob.start - kAroundResource : 0;
    size_t to = std::min<size_t>(size, blob.start + kResourceHeadTruncations);
    for (size_t n = from; n < to; ++n) lengths.insert(n);
  }
  lengths.erase(size);
  return lengths;
}

// ---- Mutation --------------------------------------------------------------------------------

struct Edit {
  size_t offset;
  uint8_t old;
};

/// A position to damage: mostly inside the library (and its first KiB, where the header and the
/// segment directory are), sometimes the PE headers, sometimes anywhere.
size_t pick_offset(Rng& rng, size_t size, const Blob& blob) {
  uint64_t r = rng.below(100);
  if (r < 30) return blob.start + rng.below(std::min<uint64_t>(blob.size, 1024));
  if (r < 75) return blob.start + rng.below(blob.size);
  if (r < 90) return rng.below(std::min<uint64_t>(size, 1024));
  return rng.below(size);
}

void set_byte(std::vector<uint8_t>& b, size_t off, uint8_t v, std::vector<Edit>& edits) {
  if (off >= b.size()) return;
  edits.push_back({off, b[off]});
  b[off] = v;
}

/// One damage: a flipped bit, a byte set to an edge value, or a 16/32-bit field (aligned, as
/// the format's fields are) set to 0, -1, 0x7FFF…, 0x8000… or a small number.
void damage(std::vector<uint8_t>& b, Rng& rng, const Blob& blob, std::vector<Edit>& edits) {
  size_t off = pick_offset(rng, b.size(), blob);
  static constexpr uint32_t kWords[] = {0x00000000, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000,
                                        0x0000FFFF, 0x0000007F, 0x00000001, 0xFFFFFFFE};
  static constexpr uint8_t kBytes[] = {0x00, 0xFF, 0x7F, 0x80};
  switch (rng.below(6)) {
    case 0: set_byte(b, off, static_cast<uint8_t>(b[off] ^ (1u << rng.below(8))), edits); break;
    case 1: set_byte(b, off, kBytes[rng.below(4)], edits); break;
    case 2: set_byte(b, off, static_cast<uint8_t>(rng.next()), edits); break;
    case 3: {
      uint16_t v = rng.below(2) ? 0xFFFF : 0x7FFF;
      off &= ~size_t{1};
      for (size_t i = 0; i < 2; ++i) set_byte(b, off + i, static_cast<uint8_t>(v >> (8 * i)), edits);
      break;
    }
    default: {
      uint32_t v = rng.below(4) ? kWords[rng.below(8)] : static_cast<uint32_t>(rng.below(0x10000));
      off &= ~size_t{3};
      for (size_t i = 0; i < 4; ++i) set_byte(b, off + i, static_cast<uint8_t>(v >> (8 * i)), edits);
    }
  }
}

uint64_t mutation_count(size_t blob_size) {
  uint64_t n = kMutationByteBudget / std::max<size_t>(blob_size, 1);
  return std::clamp(n, kMinMutations, kMaxMutations) * scale();
}

void put16(std::vector<uint8_t>& b, size_t off, uint16_t v) {
  b[off] = static_cast<uint8_t>(v);
  b[off + 1] = static_cast<uint8_t>(v >> 8);
}
void put32(std::vector<uint8_t>& b, size_t off, uint32_t v) {
  for (size_t i = 0; i < 4; ++i) b[off + i] = static_cast<uint8_t>(v >> (8 * i));
}

// ---- Memory ----------------------------------------------------------------------------------

#if defined(__SANITIZE_ADDRESS__)
#define TLBKIT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TLBKIT_TEST_ASAN 1
#endif
#endif

/// While alive, caps this process's address space at its current size plus
/// kAddressSpaceHeadroom, so a corrupted count that turns into a giant allocation fails (as
/// std::bad_alloc, reported as an exception) instead of passing unnoticed on a big machine.
/// Under AddressSanitizer, which reserves terabytes of shadow memory, ASAN_OPTIONS caps single
/// allocations instead (tests/CMakeLists.txt).
class AddressSpaceCap {
 public:
  AddressSpaceCap() {
#ifndef TLBKIT_TEST_ASAN
    std::ifstream statm("/proc/self/statm");
    uint64_t pages = 0;
    if (!(statm >> pages) || getrlimit(RLIMIT_AS, &old_) != 0) return;
    rlimit cap = old_;
    cap.rlim_cur = pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE)) + kAddressSpaceHeadroom;
    if (old_.rlim_cur != RLIM_INFINITY && old_.rlim_cur < cap.rlim_cur) return;
    active_ = setrlimit(RLIMIT_AS, &cap) == 0;
#endif
  }
  ~AddressSpaceCap() {
    if (active_) setrlimit(RLIMIT_AS, &old_);
  }
  AddressSpaceCap(const AddressSpaceCap&) = delete;
  AddressSpaceCap& operator=(const AddressSpaceCap&) = delete;

 private:
  rlimit old_{};
  bool active_ = false;
};

/// While alive, ends the process (SIGALRM) if the test has not finished in `seconds`: a reader
/// caught in a loop then fails the suite instead of hanging it.
class Watchdog {
 public:
  explicit Watchdog(unsigned seconds) { alarm(seconds); }
  ~Watchdog() { alarm(0); }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;
};
// Generous: the slowest case (mutation, under AddressSanitizer on a busy machine) takes minutes.
constexpr unsigned kWatchdogSeconds = 1800;

// ---- Cycles in an MSFT library ----------------------------------------------------------------

int32_t get32(const std::vector<uint8_t>& b, size_t off) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v |= uint32_t{b[off + i]} << (8 * i);
  return static_cast<int32_t>(v);
}

/// Where the segments of an MSFT library are (typelib-format.md §3 and §4): the header is 0x54
/// bytes, then an INT when varflags (0x14) has 0x100, then nrtypeinfos (0x20) INTs, then the
/// directory of 15 {offset, length, -1, 0x0F} entries. Offsets are from the blob's start.
struct MsftMap {
  size_t base = 0;
  int32_t offset[15] = {}, length[15] = {};
  enum { TypeInfoTab = 0, RefTab = 3, GuidTab = 5, NameTab = 7, TypedescTab = 9, CDGuids = 12 };
  /// The file offset of each `size`-byte record of segment `seg`.
  std::vector<size_t> records(int seg, size_t size) const {
    std::vector<size_t> out;
    if (offset[seg] < 0 || length[seg] <= 0) return out;
    for (size_t o = 0; o + size <= static_cast<size_t>(length[seg]); o += size)
      out.push_back(base + static_cast<size_t>(offset[seg]) + o);
    return out;
  }
};

MsftMap msft_map(const std::vector<uint8_t>& b, size_t base) {
  MsftMap m;
  m.base = base;
  REQUIRE(std::memcmp(&b[base], "MSFT", 4) == 0);
  size_t dir = base + 0x54 + 4 * static_cast<size_t>(get32(b, base + 0x20)) +
               ((get32(b, base + 0x14) & 0x100) ? 4 : 0);
  for (int i = 0; i < 15; ++i) {
    m.offset[i] = get32(b, dir + 16 * static_cast<size_t>(i));
    m.length[i] = get32(b, dir + 16 * static_cast<size_t>(i) + 4);
  }
  return m;
}

/// Runs `bytes` with the INT at each (field, value) pair set, then restores them.
std::string run_with(std::vector<uint8_t>& bytes, std::initializer_list<std::pair<size_t, int32_t>> edits,
                     const std::string& path, Tally& tally) {
  std::vector<std::pair<size_t, int32_t>> saved;
  for (auto [off, v] : edits) {
    saved.emplace_back(off, get32(bytes, off));
    put32(bytes, off, static_cast<uint32_t>(v));
  }
  std::string problem = run_one(bytes, path, std::nullopt, tally);
  for (auto it = saved.rbegin(); it != saved.rend(); ++it) put32(bytes, it->first, static_cast<uint32_t>(it->second));
  return problem;
}

// ---- Inputs built by hand --------------------------------------------------------------------

/// A minimal PE32 DLL (layout: typelib-format.md §1.1; the Microsoft PE/COFF specification) with
/// one section, ".rsrc" at RVA 0x1000, file offset 0x200. `rsrc` is that section's content; with
/// an empty `rsrc` the resource data directory stays zero (a PE without resources).
std::vector<uint8_t> make_pe32(const std::vector<uint8_t>& rsrc) {
  const size_t kPe = 0x40, kOpt = kPe + 4 + 20, kSections = kOpt + 0xE0, kRaw = 0x200;
  std::vector<uint8_t> b(kRaw + ((rsrc.size() + 0x1FF) & ~size_t{0x1FF}), 0);
  b[0] = 'M';
  b[1] = 'Z';
  put32(b, 0x3C, kPe);                        // e_lfanew
  std::memcpy(&b[kPe], "PE\0\0", 4);
  put16(b, kPe + 4, 0x14C);                   // Machine: i386
  put16(b, kPe + 6, 1);                       // NumberOfSections
  put16(b, kPe + 20, 0xE0);                   // SizeOfOptionalHeader (PE32)
  put16(b, kPe + 22, 0x2102);                 // Characteristics: executable, 32-bit, DLL
  put16(b, kOpt, 0x10B);                      // PE32 magic
  put32(b, kOpt + 32, 0x1000);                // SectionAlignment
  put32(b, kOpt + 36, 0x200);                 // FileAlignment
  put32(b, kOpt + 56, 0x2000);                // SizeOfImage
  put32(b, kOpt + 60, 0x200);                 // SizeOfHeaders
  put32(b, kOpt + 92, 16);                    // NumberOfRvaAndSizes
  if (!rsrc.empty()) {
    put32(b, kOpt + 96 + 2 * 8, 0x1000);      // data directory 2 (resources): RVA
    put32(b, kOpt + 96 + 2 * 8 + 4, static_cast<uint32_t>(rsrc.size()));
  }
  std::memcpy(&b[kSections], ".rsrc\0\0\0", 8);
  put32(b, kSections + 8, static_cast<uint32_t>(rsrc.size()));  // VirtualSize
  put32(b, kSections + 12, 0x1000);                             // VirtualAddress
  put32(b, kSections + 16, static_cast<uint32_t>(b.size() - kRaw));  // SizeOfRawData
  put32(b, kSections + 20, kRaw);                               // PointerToRawData
  std::copy(rsrc.begin(), rsrc.end(), b.begin() + kRaw);
  return b;
}

/// A resource section holding one resource: type (a name, or an ID when `type_name` is empty),
/// ID 1, language 0x409, with `data` as its bytes. Offsets are from the section start (RVA 0x1000).
std::vector<uint8_t> make_rsrc(const std::u16string& type_name, uint16_t type_id,
                               const std::vector<uint8_t>& data) {
  const size_t kRoot = 0, kTypeDir = 0x18, kLangDir = 0x30, kLeaf = 0x48, kName = 0x58,
               kData = 0x80;
  std::vector<uint8_t> r(kData + data.size(), 0);
  bool named = !type_name.empty();
  put16(r, kRoot + (named ? 12 : 14), 1);  // one named or one ID entry
  put32(r, kRoot + 16, named ? 0x80000000u | kName : type_id);
  put32(r, kRoot + 20, 0x80000000u | kTypeDir);
  put16(r, kTypeDir + 14, 1);
  put32(r, kTypeDir + 16, 1);  // resource ID 1
  put32(r, kTypeDir + 20, 0x80000000u | kLangDir);
  put16(r, kLangDir + 14, 1);
  put32(r, kLangDir + 16, 0x409);
  put32(r, kLangDir + 20, kLeaf);
  put32(r, kLeaf, static_cast<uint32_t>(0x1000 + kData));  // an RVA, not a section offset
  put32(r, kLeaf + 4, static_cast<uint32_t>(data.size()));
  put16(r, kName, static_cast<uint16_t>(type_name.size()));
  for (size_t i = 0; i < type_name.size(); ++i) put16(r, kName + 2 + 2 * i, type_name[i]);
  std::copy(data.begin(), data.end(), r.begin() + kData);
  return r;
}

/// A scratch directory for inputs run through the whole driver.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("tlbkit-fault-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, std::span<const uint8_t> bytes) const {
    fs::path p = path / name;
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
};

struct DriverResult {
  int rc = 0;
  support::DiagEngine diags;
  support::MemorySink sink;
  std::string text() const { return diag_text(diags); }
  bool located_error(const std::string& file, bool with_offset) const {
    for (const auto& d : diags.all())
      if (d.severity == support::Severity::Error && d.where.file == file &&
          (!with_offset || d.where.offset))
        return true;
    return false;
  }
};

void run_driver(const std::string& input, DriverResult& r, const std::string& format = "json") {
  driver::Options o;
  o.input = input;
  o.format = format;
  o.output = "out.json";
  try {
    r.rc = driver::run(o, r.diags, r.sink);
  } catch (...) {
    r.rc = driver::kExitInternal;
  }
}

}  // namespace

TEST_CASE("fault: corpus typelibs truncated at many lengths are read or rejected with an offset") {
  Watchdog watchdog(kWatchdogSeconds);
  AddressSpaceCap cap;
  Tally tally;
  size_t cases = 0;
  for (const CorpusCase& c : corpus_cases()) {
    if (!selected(c)) continue;
    ++cases;
    const std::string path = c.input.string();
    std::vector<uint8_t> bytes = read_bytes(c.input);
    Blob blob = find_blob(bytes, path, c.resource);
    size_t shown = 0;
    for (size_t n : truncation_lengths(bytes.size(), blob))
      report(c, "truncated to " + std::to_string(n) + " bytes",
             run_one(std::span(bytes).first(n), path, resource_of(c), tally), shown);
  }
  CHECK(cases > 0);
  MESSAGE("truncation: " << tally.runs << " runs over " << cases << " corpus cases; "
                         << tally.read << " read, " << tally.rejected << " rejected, "
                         << tally.problems << " problems; slowest run " << tally.slowest << " s");
}

TEST_CASE("fault: corpus typelibs with bytes damaged throughout are read or rejected with an offset") {
  Watchdog watchdog(kWatchdogSeconds);
  AddressSpaceCap cap;
  Tally tally;
  size_t cases = 0;
  for (const CorpusCase& c : corpus_cases()) {
    if (!selected(c)) continue;
    ++cases;
    const std::string path = c.input.string();
    std::vector<uint8_t> bytes = read_bytes(c.input);
    if (bytes.empty()) continue;
    Blob blob = find_blob(bytes, path, c.resource);
    Rng rng{kSeed ^ fnv1a(c.display())};
    size_t shown = 0;
    uint64_t n = mutation_count(blob.size);
    for (uint64_t i = 0; i < n; ++i) {
      std::vector<Edit> edits;
      size_t count = rng.below(10) < 6 ? 1 : 2 + rng.below(3);
      for (size_t k = 0; k < count; ++k) damage(bytes, rng, blob, edits);
      std::string where;
      for (const Edit& e : edits) where += " " + std::to_string(e.offset);
      report(c, "mutation " + std::to_string(i) + " (bytes at" + where + ")",
             run_one(bytes, path, resource_of(c), tally), shown);
      for (auto e = edits.rbegin(); e != edits.rend(); ++e) bytes[e->offset] = e->old;
    }
  }
  CHECK(cases > 0);
  MESSAGE("mutation: " << tally.runs << " runs over " << cases << " corpus cases; " << tally.read
                       << " read, " << tally.rejected << " rejected, " << tally.problems
                       << " problems; slowest run " << tally.slowest << " s");
}

TEST_CASE("fault: every field near the start set to huge or negative values (counts, offsets)") {
  // Counts, offsets and sizes live in the headers, the segment directory and the type info
  // records, all within the blob's first KiBs; each 32-bit word (MSFT fields are aligned) and
  // each 16-bit word at any byte (SLTG's are packed) is set to edge values in turn. One file of
  // each format and container.
  Watchdog watchdog(kWatchdogSeconds);
  AddressSpaceCap cap;
  Tally tally;
  size_t files = 0;
  for (const char* rel : {"widl/netfw_win32.tlb", "ms/sltg-bare/stdole32.res1.sltg.tlb",
                          "wine/stdole2.tlb", "ms/stdole32.tlb"}) {
    fs::path src = fs::path(source_dir()) / "testdata/corpus" / rel;
    CorpusCase c{src, 0, {}};
    if (!selected(c)) continue;
    ++files;
    const std::string path = src.string();
    std::vector<uint8_t> bytes = read_bytes(src);
    REQUIRE(!bytes.empty());
    Blob blob = find_blob(bytes, path, 0);
    size_t shown = 0;
    size_t end = blob.start + std::min<uint64_t>(blob.size, kSweepBytes);
    auto try_value = [&](size_t off, size_t width, uint32_t v) {
      if (off + width > bytes.size()) return;
      uint8_t saved[4];
      std::memcpy(saved, &bytes[off], width);
      for (size_t i = 0; i < width; ++i) bytes[off + i] = static_cast<uint8_t>(v >> (8 * i));
      report(c, "field at " + std::to_string(off) + " set to " + std::to_string(v),
             run_one(bytes, path, std::nullopt, tally), shown);
      std::memcpy(&bytes[off], saved, width);
    };
    for (size_t off = blob.start; off < end; off += 4)
      for (uint32_t v : {0x7FFFFFFFu, 0xFFFFFFFFu, 0x80000000u, 0x00FFFFFFu}) try_value(off, 4, v);
    for (size_t off = blob.start; off < end; ++off)
      for (uint32_t v : {0xFFFFu, 0x7FFFu}) try_value(off, 2, v);
  }
  CHECK(files > 0);
  MESSAGE("field sweep: " << tally.runs << " runs over " << files << " files; " << tally.read
                          << " read, " << tally.rejected << " rejected, " << tally.problems
                          << " problems; slowest run " << tally.slowest << " s");
}

TEST_CASE("fault: cycles in type descriptors, lists and hash chains end (read or rejected)") {
  // Each linked structure of an MSFT library made to point at itself, or two entries at each
  // other: a reader that follows links without a bound would loop or recurse until the stack
  // runs out. Facts: typelib-format.md §5.2 (GuidTab next_hash), §5.3 (NameTab next_hash), §5.5
  // (TypedescTab: PTR/SAFEARRAY entries whose second INT is a TypedescTab offset when its high
  // WORD is not negative; USERDEFINED's is an HREFTYPE), §5.7 (RefTab next), §5.8 (CDGuids next).
  Watchdog watchdog(120);
  AddressSpaceCap cap;
  Tally tally;
  size_t shown = 0;
  for (const char* rel : {"widl/netfw_win32.tlb", "wine/stdole2.tlb"}) {
    fs::path src = fs::path(source_dir()) / "testdata/corpus" / rel;
    CorpusCase c{src, 0, {}};
    const std::string path = src.string();
    std::vector<uint8_t> bytes = read_bytes(src);
    MsftMap m = msft_map(bytes, static_cast<size_t>(find_blob(bytes, path, 0).start));
    auto seg_off = [&](int seg, size_t file_off) {
      return static_cast<int32_t>(file_off - m.base - static_cast<size_t>(m.offset[seg]));
    };
    // Type descriptors: pointers and safearrays to themselves, and pairs to each other.
    std::vector<size_t> links;
    for (size_t e : m.records(MsftMap::TypedescTab, 8)) {
      int vt = get32(bytes, e) & 0xFFFF;
      if ((vt == 26 || vt == 27) && get32(bytes, e + 4) >= 0) links.push_back(e);
    }
    for (size_t e : links)
      report(c, "typedesc at " + std::to_string(e) + " points at itself",
             run_with(bytes, {{e + 4, seg_off(MsftMap::TypedescTab, e)}}, path, tally), shown);
    for (size_t i = 1; i < links.size(); ++i)
      report(c, "typedescs at " + std::to_string(links[i - 1]) + " and " + std::to_string(links[i]) + " point at each other",
             run_with(bytes, {{links[i - 1] + 4, seg_off(MsftMap::TypedescTab, links[i])},
                              {links[i] + 4, seg_off(MsftMap::TypedescTab, links[i - 1])}},
                      path, tally), shown);
    // A user-defined type descriptor naming the type info that uses it: an alias of itself.
    for (size_t e : m.records(MsftMap::TypedescTab, 8))
      if ((get32(bytes, e) & 0xFFFF) == 29)
        for (int32_t ti = 0; ti < 4; ++ti)
          report(c, "typedesc at " + std::to_string(e) + " names type info " + std::to_string(ti),
                 run_with(bytes, {{e + 4, ti * 0x64}}, path, tally), shown);
    // Linked lists: RefTab (16-byte records, next at +12), CDGuids (12, +8), GuidTab (24, +20).
    struct List { int seg; size_t size, next; const char* name; };
    for (List l : {List{MsftMap::RefTab, 16, 12, "RefTab"}, List{MsftMap::CDGuids, 12, 8, "CDGuids"},
                   List{MsftMap::GuidTab, 24, 20, "GuidTab"}}) {
      std::vector<size_t> recs = m.records(l.seg, l.size);
      for (size_t i = 0; i < recs.size(); ++i) {
        report(c, std::string(l.name) + " record at " + std::to_string(recs[i]) + " links to itself",
               run_with(bytes, {{recs[i] + l.next, seg_off(l.seg, recs[i])}}, path, tally), shown);
        if (i > 0)
          report(c, std::string(l.name) + " records at " + std::to_string(recs[i]) + " and before link to each other",
                 run_with(bytes, {{recs[i] + l.next, seg_off(l.seg, recs[i - 1])},
                                  {recs[i - 1] + l.next, seg_off(l.seg, recs[i])}},
                          path, tally), shown);
      }
    }
    // The first NameTab entry's hash chain to itself.
    if (m.offset[MsftMap::NameTab] >= 0)
      report(c, "first NameTab entry chains to itself",
             run_with(bytes, {{m.base + static_cast<size_t>(m.offset[MsftMap::NameTab]) + 4, 0}}, path, tally),
             shown);
  }
  CHECK(tally.runs > 50);
  MESSAGE("cycles: " << tally.runs << " runs; " << tally.read << " read, " << tally.rejected
                     << " rejected, " << tally.problems << " problems; slowest run " << tally.slowest << " s");
}

#ifndef TLBKIT_TEST_ASAN
TEST_CASE("fault: the address-space cap turns a giant allocation into an exception") {
  AddressSpaceCap cap;
  CHECK_THROWS_AS(std::vector<uint8_t>(size_t{2} * kAddressSpaceHeadroom), std::bad_alloc);
}
#endif

TEST_CASE("fault: truncated files through the driver exit 1 and write no output") {
  TempDir tmp;
  for (const char* rel : {"widl/netfw_win32.tlb", "wine/stdole2.tlb", "ms/stdole32.tlb",
                          "ms/olepro32.dll"}) {
    fs::path src = fs::path(source_dir()) / "testdata/corpus" / rel;
    std::vector<uint8_t> bytes = read_bytes(src);
    REQUIRE(bytes.size() > 0x200);
    for (size_t n : {size_t{0}, size_t{3}, size_t{0x40}, size_t{0x100}, bytes.size() / 2}) {
      CAPTURE(rel);
      CAPTURE(n);
      fs::path p = tmp.write("cut.tlb", std::span(bytes).first(n));
      DriverResult r;
      run_driver(p.string(), r);
      CHECK_MESSAGE(r.rc == driver::kExitInputError, r.text());
      CHECK_MESSAGE(r.located_error(p.string(), true), r.text());
      CHECK(r.sink.files.empty());
    }
  }
}

TEST_CASE("fault: wrong magic is an input error at offset 0") {
  TempDir tmp;
  std::vector<uint8_t> junk(300, 0x41);
  fs::path p = tmp.write("junk.tlb", junk);
  DriverResult r;
  run_driver(p.string(), r);
  CHECK(r.rc == driver::kExitInputError);
  CHECK_MESSAGE(r.located_error(p.string(), true), r.text());
  CHECK(r.sink.files.empty());

  // MSFT magic with nothing after it, and SLTG magic likewise.
  for (const char* magic : {"MSFT", "SLTG"}) {
    std::vector<uint8_t> b(magic, magic + 4);
    b.resize(24, 0xFF);
    fs::path q = tmp.write(std::string(magic) + ".tlb", b);
    DriverResult r2;
    run_driver(q.string(), r2);
    CHECK_MESSAGE(r2.rc == driver::kExitInputError, r2.text());
    CHECK_MESSAGE(r2.located_error(q.string(), true), r2.text());
  }
}

TEST_CASE("fault: a PE file without a TYPELIB resource is a clear input error") {
  TempDir tmp;
  SUBCASE("no resources at all") {
    fs::path p = tmp.write("plain.dll", make_pe32({}));
    DriverResult r;
    run_driver(p.string(), r);
    CHECK(r.rc == driver::kExitInputError);
    CHECK_MESSAGE(r.located_error(p.string(), false), r.text());
    CHECK_MESSAGE(r.text().find("TYPELIB") != std::string::npos, r.text());
    CHECK(r.sink.files.empty());
  }
  SUBCASE("resources, but none of type TYPELIB") {
    fs::path p = tmp.write("version.dll", make_pe32(make_rsrc(u"", 16, {1, 2, 3, 4})));
    DriverResult r;
    run_driver(p.string(), r);
    CHECK(r.rc == driver::kExitInputError);
    CHECK_MESSAGE(r.located_error(p.string(), false), r.text());
    CHECK_MESSAGE(r.text().find("TYPELIB") != std::string::npos, r.text());
  }
  SUBCASE("a TYPELIB resource holding junk: the offset is the file's, not the resource's") {
    std::vector<uint8_t> junk = {'M', 'S', 'F', 'T', 2, 0, 1, 0, 0, 0, 0, 0};
    std::vector<uint8_t> pe = make_pe32(make_rsrc(u"TYPELIB", 0, junk));
    fs::path p = tmp.write("junk.dll", pe);
    DriverResult r;
    run_driver(p.string(), r);
    CHECK(r.rc == driver::kExitInputError);
    bool in_blob = false;
    for (const auto& d : r.diags.all())
      in_blob |= d.where.offset && *d.where.offset >= 0x200 + 0x80;  // section raw + data offset
    CHECK_MESSAGE(in_blob, r.text());
    // The container itself is sound: --list-resources finds the resource.
    support::DiagEngine diags;
    auto list = tlb::list_typelib_resources(pe, p.string(), diags);
    REQUIRE_MESSAGE(list.size() == 1, diag_text(diags));
    CHECK(list[0].file_offset == 0x200 + 0x80);
    CHECK(list[0].size == junk.size());
  }
}

TEST_CASE("fault: missing paths, directories and absent resources are input errors") {
  TempDir tmp;
  SUBCASE("missing path") {
    std::string p = (tmp.path / "no-such.tlb").string();
    DriverResult r;
    run_driver(p, r);
    CHECK(r.rc == driver::kExitInputError);
    CHECK_MESSAGE(r.located_error(p, false), r.text());
  }
  SUBCASE("a directory") {
    DriverResult r;
    run_driver(tmp.path.string(), r);
    CHECK(r.rc == driver::kExitInputError);
    CHECK_MESSAGE(r.located_error(tmp.path.string(), false), r.text());
  }
  SUBCASE("file.dll\\9 when the file has no TYPELIB 9") {
    std::string dll = source_dir() + "/testdata/corpus/ms/olepro32.dll";
    DriverResult r;
    run_driver(dll + "\\9", r);
    CHECK(r.rc == driver::kExitInputError);
    CHECK_MESSAGE(r.located_error(dll, false), r.text());
    CHECK_MESSAGE(r.text().find('9') != std::string::npos, r.text());
    CHECK(r.sink.files.empty());
  }
}

TEST_CASE("fault: an unknown output format is a usage error with no output") {
  DriverResult r;
  run_driver(source_dir() + "/testdata/corpus/widl/netfw_win32.tlb", r, "xml");
  CHECK(r.rc == driver::kExitUsage);
  CHECK(r.sink.files.empty());
}
