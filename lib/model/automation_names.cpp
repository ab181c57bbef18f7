// The tables of readable names for OLE Automation's constants. Layer: model.
#include "model/automation_names.h"

#include <array>

namespace tlbkit::model::names {

namespace {
template <typename E>
constexpr uint16_t u(E e) {
  return static_cast<uint16_t>(e);
}

constexpr Named kTypeFlags[] = {
    {typeflag::AppObject, "appobject"},       {typeflag::CanCreate, "cancreate"},
    {typeflag::Licensed, "licensed"},         {typeflag::PreDeclId, "predeclid"},
    {typeflag::Hidden, "hidden"},             {typeflag::Control, "control"},
    {typeflag::Dual, "dual"},                 {typeflag::NonExtensible, "nonextensible"},
    {typeflag::OleAutomation, "oleautomation"}, {typeflag::Restricted, "restricted"},
    {typeflag::Aggregatable, "aggregatable"}, {typeflag::Replaceable, "replaceable"},
    {typeflag::Dispatchable, "dispatchable"}, {typeflag::ReverseBind, "reversebind"},
    {typeflag::Proxy, "proxy"}};

constexpr Named kFuncFlags[] = {
    {funcflag::Restricted, "restricted"},     {funcflag::Source, "source"},
    {funcflag::Bindable, "bindable"},         {funcflag::RequestEdit, "requestedit"},
    {funcflag::DisplayBind, "displaybind"},   {funcflag::DefaultBind, "defaultbind"},
    {funcflag::Hidden, "hidden"},             {funcflag::UsesGetLastError, "usesgetlasterror"},
    {funcflag::DefaultCollelem, "defaultcollelem"}, {funcflag::UiDefault, "uidefault"},
    {funcflag::NonBrowsable, "nonbrowsable"}, {funcflag::Replaceable, "replaceable"},
    {funcflag::ImmediateBind, "immediatebind"}};

constexpr Named kVarFlags[] = {
    {varflag::ReadOnly, "readonly"},         {varflag::Source, "source"},
    {varflag::Bindable, "bindable"},         {varflag::RequestEdit, "requestedit"},
    {varflag::DisplayBind, "displaybind"},   {varflag::DefaultBind, "defaultbind"},
    {varflag::Hidden, "hidden"},             {varflag::Restricted, "restricted"},
    {varflag::DefaultCollelem, "defaultcollelem"}, {varflag::UiDefault, "uidefault"},
    {varflag::NonBrowsable, "nonbrowsable"}, {varflag::Replaceable, "replaceable"},
    {varflag::ImmediateBind, "immediatebind"}};

constexpr Named kParamFlags[] = {
    {paramflag::In, "in"},         {paramflag::Out, "out"},
    {paramflag::Lcid, "lcid"},     {paramflag::RetVal, "retval"},
    {paramflag::Opt, "optional"},  {paramflag::HasDefault, "hasdefault"},
    {paramflag::HasCustData, "hascustdata"}};

constexpr Named kImplFlags[] = {{implflag::Default, "default"},
                                {implflag::Source, "source"},
                                {implflag::Restricted, "restricted"},
                                {implflag::DefaultVtable, "defaultvtable"}};

constexpr Named kLibFlags[] = {{libflag::Restricted, "restricted"},
                               {libflag::Control, "control"},
                               {libflag::Hidden, "hidden"},
                               {libflag::HasDiskImage, "hasdiskimage"}};

constexpr Named kFuncKinds[] = {{u(FuncKind::Virtual), "virtual"},
                                {u(FuncKind::PureVirtual), "purevirtual"},
                                {u(FuncKind::NonVirtual), "nonvirtual"},
                                {u(FuncKind::Static), "static"},
                                {u(FuncKind::Dispatch), "dispatch"}};

constexpr Named kInvokeKinds[] = {{u(InvokeKind::Func), "func"},
                                  {u(InvokeKind::PropertyGet), "propget"},
                                  {u(InvokeKind::PropertyPut), "propput"},
                                  {u(InvokeKind::PropertyPutRef), "propputref"}};

// CC_PASCAL and CC_MSCPASCAL share the value 2; "pascal" names it.
constexpr Named kCallConvs[] = {
    {u(CallConv::FastCall), "fastcall"},     {u(CallConv::CDecl), "cdecl"},
    {u(CallConv::Pascal), "pascal"},         {u(CallConv::MacPascal), "macpascal"},
    {u(CallConv::StdCall), "stdcall"},       {u(CallConv::FpFastCall), "fpfastcall"},
    {u(CallConv::Syscall), "syscall"},       {u(CallConv::MpwCDecl), "mpwcdecl"},
    {u(CallConv::MpwPascal), "mpwpascal"}};

constexpr Named kVarKinds[] = {{u(VarKind::PerInstance), "perinstance"},
                               {u(VarKind::Static), "static"},
                               {u(VarKind::Const), "const"},
                               {u(VarKind::Dispatch), "dispatch"}};

constexpr Named kSysKinds[] = {{u(SysKind::Win16), "win16"},
                               {u(SysKind::Win32), "win32"},
                               {u(SysKind::Mac), "mac"},
                               {u(SysKind::Win64), "win64"}};

constexpr std::string_view kDefKinds[] = {"enum",      "record",        "union",   "alias",
                                          "interface", "dispinterface", "coclass", "module"};

constexpr Named kVarTypes[] = {
    {vt::Empty, "EMPTY"},       {vt::Null, "NULL"},
    {vt::I2, "I2"},             {vt::I4, "I4"},
    {vt::R4, "R4"},             {vt::R8, "R8"},
    {vt::Cy, "CY"},             {vt::Date, "DATE"},
    {vt::Bstr, "BSTR"},         {vt::Dispatch, "DISPATCH"},
    {vt::Error, "ERROR"},       {vt::Bool, "BOOL"},
    {vt::Variant, "VARIANT"},   {vt::Unknown, "UNKNOWN"},
    {vt::Decimal, "DECIMAL"},   {vt::I1, "I1"},
    {vt::UI1, "UI1"},           {vt::UI2, "UI2"},
    {vt::UI4, "UI4"},           {vt::I8, "I8"},
    {vt::UI8, "UI8"},           {vt::Int, "INT"},
    {vt::UInt, "UINT"},         {vt::Void, "VOID"},
    {vt::HResult, "HRESULT"},   {vt::Ptr, "PTR"},
    {vt::SafeArray, "SAFEARRAY"}, {vt::CArray, "CARRAY"},
    {vt::UserDefined, "USERDEFINED"}, {vt::LpStr, "LPSTR"},
    {vt::LpWStr, "LPWSTR"},     {vt::Record, "RECORD"},
    {vt::IntPtr, "INT_PTR"},    {vt::UIntPtr, "UINT_PTR"},
    {vt::FileTime, "FILETIME"}, {vt::Blob, "BLOB"},
    {vt::Stream, "STREAM"},     {vt::Storage, "STORAGE"},
    {vt::StreamedObject, "STREAMED_OBJECT"}, {vt::StoredObject, "STORED_OBJECT"},
    {vt::BlobObject, "BLOB_OBJECT"}, {vt::Cf, "CF"},
    {vt::Clsid, "CLSID"}};
}  // namespace

std::span<const Named> type_flags() { return kTypeFlags; }
std::span<const Named> func_flags() { return kFuncFlags; }
std::span<const Named> var_flags() { return kVarFlags; }
std::span<const Named> param_flags() { return kParamFlags; }
std::span<const Named> impl_flags() { return kImplFlags; }
std::span<const Named> lib_flags() { return kLibFlags; }
std::span<const Named> func_kinds() { return kFuncKinds; }
std::span<const Named> invoke_kinds() { return kInvokeKinds; }
std::span<const Named> call_convs() { return kCallConvs; }
std::span<const Named> var_kinds() { return kVarKinds; }
std::span<const Named> sys_kinds() { return kSysKinds; }
std::span<const std::string_view> def_kinds() { return kDefKinds; }
std::span<const Named> vartypes() { return kVarTypes; }

std::string_view name_of(std::span<const Named> table, uint16_t value) {
  for (const Named& n : table)
    if (n.value == value) return n.name;
  return {};
}

std::optional<uint16_t> value_of(std::span<const Named> table, std::string_view name) {
  for (const Named& n : table)
    if (n.name == name) return n.value;
  return std::nullopt;
}

}  // namespace tlbkit::model::names
