// The headers a generated C++ header's support header pulls in (<windows.h>, <ole2.h>,
// <oleauto.h>, <ocidl.h>, <olectl.h> and the standard headers it uses, transitively): a generated
// header must not take one of their names, or `-I gen` would put it in their place (a library read
// from ocidl.h is written as ocidl_.h). A sorted table of lower-case file stems. Layer: writers.
//
// Produced from MinGW-w64 (Debian's 12-posix g++, mingw-w64 10): the .h files of
//   sed -n 10,28p runtime/tlbkit_com.h | x86_64-w64-mingw32-g++ -std=c++17 -x c++ -M -
// and the same with i686-w64-mingw32-g++, file stems lower-cased (Windows file names are not
// case-sensitive), deduplicated and sorted.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "writers/cpp/cpp_reserved.h"

namespace tlbkit::cppw {
namespace {

constexpr std::string_view kSdkHeaderStems[] = {
    "_bsd_types", "_fd_types", "_ip_mreq1", "_ip_types", "_mingw", "_mingw_ddk", "_mingw_mac",
    "_mingw_off_t", "_mingw_secapi", "_mingw_stat64", "_mingw_stdarg", "_mingw_unicode",
    "_socket_types", "_timeval", "_wsa_errnos", "_wsadata", "_xmitfile", "adxintrin",
    "algorithmfwd", "align", "aligned_buffer", "alloc_traits", "allocated_ptr", "allocator",
    "ammintrin", "amxbf16intrin", "amxint8intrin", "amxtileintrin", "apiset", "apisetcconv",
    "assertions", "atomic_base", "atomic_lockfree_defines", "atomic_word", "atomicity", "auto_ptr",
    "avx2intrin", "avx5124fmapsintrin", "avx5124vnniwintrin", "avx512bf16intrin",
    "avx512bf16vlintrin", "avx512bitalgintrin", "avx512bwintrin", "avx512cdintrin",
    "avx512dqintrin", "avx512erintrin", "avx512fintrin", "avx512fp16intrin", "avx512fp16vlintrin",
    "avx512ifmaintrin", "avx512ifmavlintrin", "avx512pfintrin", "avx512vbmi2intrin",
    "avx512vbmi2vlintrin", "avx512vbmiintrin", "avx512vbmivlintrin", "avx512vlbwintrin",
    "avx512vldqintrin", "avx512vlintrin", "avx512vnniintrin", "avx512vnnivlintrin",
    "avx512vp2intersectintrin", "avx512vp2intersectvlintrin", "avx512vpopcntdqintrin",
    "avx512vpopcntdqvlintrin", "avxintrin", "avxvnniintrin", "basetsd", "basic_string", "bcrypt",
    "bemapiset", "binders", "bmi2intrin", "bmiintrin", "c++allocator", "c++config", "c++locale",
    "cderr", "cetintrin", "cguid", "char_traits", "charconv", "cldemoteintrin", "clflushoptintrin",
    "clwbintrin", "clzerointrin", "combaseapi", "commdlg", "concept_check", "concurrence",
    "concurrencysal", "corecrt", "corecrt_stdio_config", "corecrt_wstdlib", "cpp_type_traits",
    "cpu_defines", "crtdefs", "ctype", "cxxabi_forced", "cxxabi_init_exception", "datetimeapi",
    "dde", "ddeml", "debug", "debugapi", "dlgs", "dpapi", "driverspecs", "emmintrin",
    "enable_special_members", "enqcmdintrin", "erase_if", "errhandlingapi", "errno", "exception",
    "exception_defines", "exception_ptr", "excpt", "execution_defs", "f16cintrin", "fibersapi",
    "fileapi", "fltwinerror", "fma4intrin", "fmaintrin", "functexcept", "functional_hash",
    "fxsrintrin", "gfniintrin", "glue_memory_defs", "gthr", "gthr-default", "guiddef", "handleapi",
    "hash_bytes", "hashtable", "hashtable_policy", "heapapi", "hresetintrin", "ia32intrin", "imm",
    "immintrin", "inaddr", "interlockedapi", "intrin-impl", "invoke", "ioapiset", "jobapi",
    "keylockerintrin", "ktmtypes", "libloaderapi", "limits", "locale", "localefwd", "lwpintrin",
    "lzcntintrin", "lzexpand", "malloc", "mcx", "memoryapi", "memoryfwd", "minwinbase", "minwindef",
    "mm3dnow", "mm_malloc", "mmintrin", "mmsystem", "movdirintrin", "move", "msxml", "mwaitintrin",
    "mwaitxintrin", "namedpipeapi", "namespaceapi", "nb30", "ncrypt", "nested_exception",
    "new_allocator", "node_handle", "numeric_traits", "oaidl", "objbase", "objidl", "objidlbase",
    "ocidl", "ole2", "oleauto", "olectl", "oleidl", "os_defines", "ostream_insert", "pconfigintrin",
    "pkuintrin", "pmmintrin", "popcntintrin", "poppack", "postypes", "predefined_ops",
    "prfchwintrin", "processenv", "processthreadsapi", "processtopologyapi", "profileapi",
    "propidl", "prsht", "pshpack1", "pshpack2", "pshpack4", "pshpack8", "pstl_config", "ptr_traits",
    "range_access", "rdseedintrin", "realtimeapiset", "reason", "refwrap", "rpc", "rpcasync",
    "rpcdce", "rpcdcep", "rpcndr", "rpcnsi", "rpcnsip", "rpcnterr", "rpcsal", "rtmintrin", "sal",
    "sdkddkver", "securityappcontainer", "securitybaseapi", "serializeintrin", "servprov",
    "sgxintrin", "shaintrin", "shared_ptr", "shared_ptr_atomic", "shared_ptr_base", "shellapi",
    "smmintrin", "specstrings", "std_abs", "std_function", "stdarg", "stddef", "stdint", "stdio",
    "stdio_s", "stdlib", "stdlib_s", "stl_algo", "stl_algobase", "stl_bvector", "stl_construct",
    "stl_function", "stl_heap", "stl_iterator", "stl_iterator_base_funcs",
    "stl_iterator_base_types", "stl_pair", "stl_raw_storage_iter", "stl_relops", "stl_tempbuf",
    "stl_uninitialized", "stl_vector", "stralign", "stralign_s", "string", "string_conversions",
    "string_s", "stringapiset", "stringfwd", "synchapi", "sysinfoapi", "syslimits",
    "systemtopologyapi", "tbmintrin", "threadpoolapiset", "threadpoollegacyapiset", "timezoneapi",
    "tmmintrin", "tsxldtrkintrin", "tvout", "type_traits", "uintrintrin", "uniform_int_dist",
    "unique_ptr", "unknwn", "unknwnbase", "unordered_map", "urlmon", "uses_allocator", "utilapiset",
    "utility", "vadefs", "vaesintrin", "virtdisk", "vpclmulqdqintrin", "waitpkgintrin",
    "wbnoinvdintrin", "wchar", "wchar_s", "winapifamily", "winbase", "wincon", "wincrypt", "windef",
    "windows", "winefs", "winerror", "wingdi", "winioctl", "winnetwk", "winnls", "winnt", "winperf",
    "winreg", "winscard", "winsmcrd", "winsock", "winspool", "winsvc", "winuser", "winver",
    "wmmintrin", "wnnc", "wow64apiset", "wtypes", "wtypesbase", "x86gprintrin", "x86intrin",
    "xmmintrin", "xopintrin", "xsavecintrin", "xsaveintrin", "xsaveoptintrin", "xsavesintrin",
    "xtestintrin",
};

}  // namespace

bool is_sdk_header_stem(std::string_view stem) {
  std::string lower(stem);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::binary_search(std::begin(kSdkHeaderStems), std::end(kSdkHeaderStems), lower);
}

}  // namespace tlbkit::cppw
