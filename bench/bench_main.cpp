// The benchmark harness (issue 2, item 6): times reading a type library and writing its JSON
// descriptor, in process, over many repetitions, and measures each library's peak memory in a
// child process of its own; then fits how time and memory grow with the library's size.
// bench/run.sh builds it (Release) and runs it on the corpus. Layer: bench.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "readers/tlb/tlb_reader.h"
#include "writers/json/json_writer.h"

namespace {

using namespace tlbkit;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Repetitions: at least kMinReps and until kMinSeconds have passed (at most kMaxReps), so small
// libraries are timed over many runs and the figures are medians, not one noisy sample.
constexpr int kMinReps = 5, kMaxReps = 2000;
constexpr double kMinSeconds = 0.5;

struct Input {
  std::string label;  // path under the corpus, with "\N" for a TYPELIB resource
  fs::path file;
  std::optional<uint32_t> resource;
};

struct Result {
  Input in;
  uint64_t file_bytes = 0, lib_bytes = 0;
  int reps = 0;
  double read_ms = 0, json_ms = 0, total_ms = 0;  // medians
  double min_total_ms = 0;
  double peak_mb = 0;  // the child's peak resident set: the whole process doing one read + JSON
  bool ok = false;
  std::string error;
};

std::vector<uint8_t> bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

/// The size of the library's own bytes: the TYPELIB resource of a PE file, or the whole file.
uint64_t library_size(const std::vector<uint8_t>& bytes, const Input& in) {
  if (bytes.size() < 2 || bytes[0] != 'M' || bytes[1] != 'Z') return bytes.size();
  support::DiagEngine quiet;
  for (const auto& r : tlb::list_typelib_resources(bytes, in.file.string(), quiet))
    if (r.id == in.resource.value_or(1)) return r.size;
  return bytes.size();
}

/// One read + JSON; false (with the first error) when the library does not read.
bool read_and_write(const std::vector<uint8_t>& bytes, const Input& in, double* read_ms,
                    double* json_ms, std::string& error) {
  support::DiagEngine diags;
  auto t0 = Clock::now();
  auto lib = tlb::read_typelib(bytes, in.file.string(), in.resource, diags);
  if (read_ms) *read_ms = ms_since(t0);
  if (!lib || diags.has_errors()) {
    error = diags.all().empty() ? "no library"
                                : support::format_diagnostic(diags.all().front(), support::DiagStyle::Gcc);
    return false;
  }
  auto t1 = Clock::now();
  std::string json = json::write_json(*lib);
  if (json_ms) *json_ms = ms_since(t1);
  return !json.empty();
}

void time_it(Result& r) {
  std::vector<uint8_t> bytes = bytes_of(r.in.file);
  r.file_bytes = bytes.size();
  r.lib_bytes = library_size(bytes, r.in);
  if (!read_and_write(bytes, r.in, nullptr, nullptr, r.error)) return;  // also warms caches
  std::vector<double> reads, jsons, totals;
  auto start = Clock::now();
  while (r.reps < kMaxReps && (r.reps < kMinReps || ms_since(start) < kMinSeconds * 1000)) {
    double rd = 0, js = 0;
    read_and_write(bytes, r.in, &rd, &js, r.error);
    reads.push_back(rd);
    jsons.push_back(js);
    totals.push_back(rd + js);
    ++r.reps;
  }
  r.read_ms = median(reads);
  r.json_ms = median(jsons);
  r.total_ms = median(totals);
  r.min_total_ms = *std::min_element(totals.begin(), totals.end());
  r.ok = true;
}

/// Peak resident set (MB) of a child process that reads the file, reads the library once and
/// writes its JSON — or, with `work` false, does nothing (the baseline of the harness). A child
/// starts with its parent's resident pages counted, so every peak is taken before the parent
/// has timed anything (while it is still small), and the baseline is shown beside them.
double child_peak_mb(const Input& in, bool work) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (work) {
      std::vector<uint8_t> bytes = bytes_of(in.file);
      std::string error;
      read_and_write(bytes, in, nullptr, nullptr, error);
    }
    _exit(0);
  }
  int status = 0;
  rusage ru{};
  if (pid < 0 || wait4(pid, &status, 0, &ru) != pid) return -1;
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

/// Every corpus case: each X with an X.oleaut.txt listing, and X\N for each X.N.oleaut.txt.
std::vector<Input> corpus_inputs(const fs::path& root) {
  std::vector<Input> out;
  const std::string suffix = ".oleaut.txt";
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string name = e.path().filename().string();
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix))
      continue;
    std::string stem = name.substr(0, name.size() - suffix.size());
    fs::path dir = e.path().parent_path();
    Input in;
    if (fs::exists(dir / stem)) {
      in.file = dir / stem;
    } else {
      auto dot = stem.rfind('.');
      if (dot == std::string::npos) continue;
      in.file = dir / stem.substr(0, dot);
      in.resource = static_cast<uint32_t>(std::stoul(stem.substr(dot + 1)));
    }
    in.label = fs::relative(in.file, root).string() +
               (in.resource ? "\\" + std::to_string(*in.resource) : "");
    out.push_back(in);
  }
  std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.label < b.label; });
  return out;
}

struct Fit {
  double intercept = 0, slope = 0, r2 = 0;
};
/// Least squares y = intercept + slope·x.
Fit fit(const std::vector<double>& x, const std::vector<double>& y) {
  double n = static_cast<double>(x.size()), sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
    syy += y[i] * y[i];
  }
  Fit f;
  double d = n * sxx - sx * sx;
  if (n < 2 || d == 0) return f;
  f.slope = (n * sxy - sx * sy) / d;
  f.intercept = (sy - f.slope * sx) / n;
  double ss_tot = syy - sy * sy / n, ss_res = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    double e = y[i] - (f.intercept + f.slope * x[i]);
    ss_res += e * e;
  }
  f.r2 = ss_tot > 0 ? 1 - ss_res / ss_tot : 1;
  return f;
}

constexpr double kMiB = 1024.0 * 1024.0;

void print_header() {
  std::printf("%-34s %8s %8s %5s %8s %8s %9s %8s %7s %8s\n", "library", "file KB", "tlb KB",
              "reps", "read ms", "json ms", "total ms", "min ms", "ms/MB", "peak MB");
}

void print_row(const Result& r) {
  if (!r.ok) {
    std::printf("%-34s %8.1f  FAILED: %s", r.in.label.c_str(), r.file_bytes / 1024.0, r.error.c_str());
    if (r.error.empty() || r.error.back() != '\n') std::printf("\n");
    return;
  }
  double mb = r.lib_bytes / kMiB;
  std::printf("%-34s %8.1f %8.1f %5d %8.3f %8.3f %9.3f %8.3f %7.1f %8.1f\n", r.in.label.c_str(),
              r.file_bytes / 1024.0, r.lib_bytes / 1024.0, r.reps, r.read_ms, r.json_ms,
              r.total_ms, r.min_total_ms, mb > 0 ? r.total_ms / mb : 0, r.peak_mb);
}

/// Peaks first (each in a child of a still-small parent), then the timings.
std::vector<Result> measure(const std::vector<Input>& inputs) {
  std::vector<Result> out(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    out[i].in = inputs[i];
    out[i].peak_mb = child_peak_mb(inputs[i], true);
  }
  for (Result& r : out) time_it(r);
  return out;
}

void summary(const std::vector<Result>& results, double baseline_mb) {
  std::vector<double> mb, ms, peak;
  double total_ms = 0, total_mb = 0;
  size_t failed = 0;
  for (const Result& r : results) {
    if (!r.ok) {
      ++failed;
      continue;
    }
    mb.push_back(r.lib_bytes / kMiB);
    ms.push_back(r.total_ms);
    peak.push_back(r.peak_mb - baseline_mb);
    total_ms += r.total_ms;
    total_mb += r.lib_bytes / kMiB;
  }
  Fit t = fit(mb, ms), m = fit(mb, peak);
  std::printf("\n%zu libraries read (%zu failed), %.2f MB of typelib in %.1f ms: %.1f ms per MB "
              "overall\n", mb.size(), failed, total_mb, total_ms, total_mb > 0 ? total_ms / total_mb : 0);
  std::printf("time  ~ %.3f ms + %.2f ms/MB x size   (least squares over the libraries, R^2 = %.3f)\n",
              t.intercept, t.slope, t.r2);
  std::printf("peak  ~ %.1f MB + %.2f MB/MB x size   (above the %.1f MB harness baseline, R^2 = %.3f)\n",
              m.intercept, m.slope, baseline_mb, m.r2);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s CORPUS_DIR [FOCUS...]\n"
                 "  times read + JSON for every corpus typelib, then for each FOCUS path (relative to\n"
                 "  CORPUS_DIR) again, checking it against the 50 ms / 40 MB target\n",
                 argv[0]);
    return 2;
  }
  fs::path root = argv[1];
  double baseline = child_peak_mb({}, false);
  std::vector<Input> corpus = corpus_inputs(root), focus;
  for (int i = 2; i < argc; ++i) focus.push_back({argv[i], root / argv[i], std::nullopt});
  std::vector<Input> all = corpus;
  all.insert(all.end(), focus.begin(), focus.end());
  std::vector<Result> results = measure(all);

  std::printf("Every corpus typelib: read + JSON in process (median of repeated runs); peak = the\n"
              "resident set of a process doing one read + JSON (harness baseline %.1f MB)\n\n",
              baseline);
  print_header();
  std::vector<Result> corpus_results(results.begin(), results.begin() + static_cast<long>(corpus.size()));
  for (const Result& r : corpus_results) print_row(r);
  summary(corpus_results, baseline);

  bool all_ok = true;
  if (!focus.empty()) {
    std::printf("\nFocus (target: under 50 ms and 40 MB peak for wine/mshtml.tlb)\n\n");
    print_header();
    for (size_t i = corpus.size(); i < results.size(); ++i) {
      const Result& r = results[i];
      print_row(r);
      all_ok &= r.ok;
      if (r.ok && r.in.label == "wine/mshtml.tlb") {
        bool met = r.total_ms < 50 && r.peak_mb < 40;
        std::printf("  -> target %s: %.1f ms (< 50), %.1f MB peak (< 40)\n", met ? "met" : "NOT met",
                    r.total_ms, r.peak_mb);
      }
    }
  }
  return all_ok ? 0 : 1;
}
